import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { readCsarManifest } from './csar-manifest.reader';
import { detectPackageFormat } from './detect-package-format';
import type { OpenedPackage } from './opened-package';
import type { ManifestReadResult, PackageFormat, PackageTree } from './package-manifest';
import { PackageError } from './package-error';
import { openSingleDescriptor } from './open-single-descriptor';
import { readDescriptorFiles } from './read-descriptor-files';
import { mediaTypeOf, sniffContent, ZIP_CONTENT_TYPES } from './sniff-content';
import { readSonManifest } from './son-manifest.reader';
import { readTgoManifest } from './tgo-manifest.reader';
import { unlistedEntries } from './unlisted-entries';
import { formatBytes, resolveLimits, type UnpackLimits } from './unpack-limits';
import type { UnpackResult } from './unpack-result';
import { unpackZip } from './unpack-zip';
import { verifyChecksums } from './verify-checksums';

export type { OpenedPackage, DescriptorFile } from './opened-package';

const READERS: Record<PackageFormat, (tree: PackageTree, limits: UnpackLimits) => Promise<ManifestReadResult>> = {
  son: readSonManifest,
  tgo: readTgoManifest,
  csar: readCsarManifest,
};

/**
 * The one entry point of onboarding into a package: classify the upload by its bytes, unpack it
 * safely into a fresh directory under `workDir`, detect the format, read the manifest and verify every
 * checksum. Unsafe or unreadable input throws PackageError (nothing left on disk); everything else
 * found is returned in `problems`, so the onboarding report can list all of it.
 */
export async function openPackage(
  input: { file: string; contentType?: string; fileName?: string },
  workDir: string,
  overrides: Partial<UnpackLimits> = {},
): Promise<OpenedPackage> {
  const limits = resolveLimits(overrides);
  const { kind, size } = await sniffContent(input.file);
  if (kind === 'empty') throw new PackageError('package.empty', 'The package is an empty file.');
  if (size > limits.maxArchiveBytes) throw new PackageError('package.too-large', `The package is ${formatBytes(size)}; the limit is ${formatBytes(limits.maxArchiveBytes)}.`);
  const declared = mediaTypeOf(input.contentType);
  if (kind !== 'zip' && ZIP_CONTENT_TYPES.includes(declared)) {
    throw new PackageError('package.unknown-format', `The content is declared ${declared} but does not start with a zip signature (PK\\x03\\x04).`);
  }
  if (kind === 'binary') {
    throw new PackageError('package.unknown-format', 'The content is neither a zip archive (SONATA .son, 5GTANGO .tgo, SOL004 CSAR) nor a UTF-8 YAML/JSON descriptor.');
  }
  await mkdir(workDir, { recursive: true });
  const root = path.join(path.resolve(workDir), `package-${randomUUID()}`);
  if (kind === 'text') return openSingleDescriptor(input, size, root, limits);
  const unpacked = await unpackZip(input.file, root, limits);
  try {
    return await readUnpacked(unpacked, limits);
  } catch (e) {
    await rm(root, { recursive: true, force: true });
    throw e;
  }
}

async function readUnpacked(unpacked: UnpackResult, limits: UnpackLimits): Promise<OpenedPackage> {
  const { root, entries } = unpacked;
  const tree: PackageTree = { root, files: new Set(entries.map((e) => e.path)), directories: directoriesOf(unpacked) };
  const format = await detectPackageFormat(tree, limits.maxManifestBytes);
  const { manifest, problems } = await READERS[format](tree, limits);
  problems.push(...(await verifyChecksums(manifest.files, entries, root)), ...unlistedEntries(manifest, entries));
  const descriptorFiles = await readDescriptorFiles(root, manifest.entryDescriptors, tree.files, limits.maxDescriptorBytes);
  const cleanup = () => rm(root, { recursive: true, force: true });
  return { format, root, manifest, manifestFiles: manifest.manifestFiles, descriptorFiles, problems, entries, cleanup };
}

/** Explicit directory entries and every parent directory a file implies. */
function directoriesOf({ entries, directories }: UnpackResult): Set<string> {
  const dirs = new Set(directories);
  for (const { path: p } of entries) for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) dirs.add(p.slice(0, i));
  return dirs;
}
