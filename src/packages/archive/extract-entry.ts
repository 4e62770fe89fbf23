import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as yauzl from 'yauzl';
import { checkDeclaredSizes } from './declared-size.rules';
import { EntryLimitGuard, type UnpackTally } from './entry-limit-guard';
import { checkEntryKind } from './entry-kind.rules';
import { checkEntryName } from './entry-name.rules';
import type { EntryRegistry } from './entry-registry';
import { HashingStream } from './hashing-stream';
import type { OverlapGuard } from './overlap-guard';
import { PackageError } from './package-error';
import type { UnpackLimits } from './unpack-limits';
import type { UnpackedEntry } from './unpack-result';
import { toPackageError } from './zip-error';

export interface ExtractContext {
  root: string;
  limits: UnpackLimits;
  registry: EntryRegistry;
  overlap: OverlapGuard;
  written: UnpackTally;
  declared: UnpackTally;
  entries: UnpackedEntry[];
  directories: string[];
}

/** Checks one entry's name, kind and declared sizes, then streams it to disk through the guards. */
export async function extractEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, ctx: ExtractContext): Promise<void> {
  let file = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
  try {
    const name = checkEntryName(file, ctx.limits);
    file = name.path;
    checkEntryKind(entry, name);
    ctx.registry.add(name);
    if (name.isDirectory) {
      await mkdir(targetOf(ctx.root, file), { recursive: true, mode: 0o700 });
      ctx.directories.push(file);
      return;
    }
    ctx.overlap.add(file, entry.relativeOffsetOfLocalHeader, entry.fileNameLength, entry.compressedSize);
    checkDeclaredSizes(entry, file, ctx.limits, ctx.declared);
    const target = targetOf(ctx.root, file);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const hasher = new HashingStream();
    // The local header's name and extra field may differ in length from the central directory's: read it
    // once, for where the data starts, and stream from there (checkEntryKind allows only stored and deflate).
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
    const deflated = entry.compressionMethod === 8;
    // The callback form: yauzl 3.4's openReadStreamLowLevelPromise calls openReadStream by mistake.
    const input = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStreamLowLevel(fileDataStart, entry.compressedSize, 0, entry.compressedSize, deflated, entry.uncompressedSize, (err, s) => (err ? reject(err) : resolve(s))),
    );
    // 'wx': never follow or overwrite something already there.
    await pipeline(input, new EntryLimitGuard(file, entry.compressedSize, ctx.limits, ctx.written), hasher, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
    const { crc32, ...digests } = hasher.digests();
    if (crc32 !== entry.crc32) {
      throw new PackageError('package.corrupt', `Entry "${file}" fails its CRC-32 check (archive says ${hex(entry.crc32)}, data gives ${hex(crc32)}).`, file);
    }
    ctx.entries.push({ path: file, ...digests, location: { dataOffset: fileDataStart, compressedSize: entry.compressedSize, compression: deflated ? 'deflate' : 'stored' } });
  } catch (e) {
    throw toPackageError(e, file);
  }
}

/** Defence in depth behind checkEntryName: the resolved target must stay strictly inside root. */
function targetOf(root: string, file: string): string {
  const target = path.resolve(root, file);
  if (!target.startsWith(root + path.sep)) {
    throw new PackageError('package.path-traversal', `Entry "${file}" resolves outside the unpack directory.`, file);
  }
  return target;
}

const hex = (n: number): string => n.toString(16).padStart(8, '0');
