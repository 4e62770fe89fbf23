import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { checkEntryName } from './entry-name.rules';
import { HashingStream } from './hashing-stream';
import type { OpenedPackage } from './opened-package';
import type { PackageManifest } from './package-manifest';
import { PackageError } from './package-error';
import { formatBytes, type UnpackLimits } from './unpack-limits';

const DEFAULT_NAME = 'descriptor.yaml';

/**
 * A bare YAML/JSON descriptor upload (SOL005 allows a single NSD/VNFD file as content): it becomes a
 * package of one file with no manifest and so nothing to verify, under the descriptor size limit.
 */
export async function openSingleDescriptor(
  input: { file: string; contentType?: string; fileName?: string },
  size: number,
  root: string,
  limits: UnpackLimits,
): Promise<OpenedPackage> {
  if (size > limits.maxDescriptorBytes) {
    throw new PackageError('package.too-large', `The descriptor is ${formatBytes(size)}; a single descriptor is limited to ${formatBytes(limits.maxDescriptorBytes)}.`);
  }
  const name = safeName(input.fileName, limits);
  await mkdir(root, { recursive: false, mode: 0o700 });
  try {
    const hasher = new HashingStream();
    await pipeline(createReadStream(input.file), hasher, createWriteStream(path.join(root, name), { flags: 'wx', mode: 0o600 }));
    const { crc32: _crc, ...digests } = hasher.digests();
    const text = (await readFile(path.join(root, name), 'utf8')).replace(/^\uFEFF/, '');
    const ref = { path: name, contentType: input.contentType ?? 'application/yaml', kind: 'unknown' as const, entry: true };
    const manifest: PackageManifest = { format: 'yaml', entryDescriptors: [ref], files: [], metadata: {}, manifestFiles: [] };
    return {
      format: 'yaml', root, manifest, manifestFiles: [], descriptorFiles: [{ ...ref, text }], problems: [],
      entries: [{ path: name, ...digests, location: { dataOffset: 0, compressedSize: digests.size, compression: 'stored' } }],
      cleanup: () => rm(root, { recursive: true, force: true }),
    };
  } catch (e) {
    await rm(root, { recursive: true, force: true });
    throw e;
  }
}

/** The client's file name, if it is one harmless segment; it only labels findings. */
function safeName(fileName: string | undefined, limits: UnpackLimits): string {
  const base = fileName === undefined ? '' : path.posix.basename(fileName.replace(/\\/g, '/'));
  try {
    return checkEntryName(base, limits).path === base && base !== '' ? base : DEFAULT_NAME;
  } catch {
    return DEFAULT_NAME;
  }
}
