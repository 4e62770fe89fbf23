import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import * as yauzl from 'yauzl';
import { extractEntry, type ExtractContext } from './extract-entry';
import { EntryRegistry } from './entry-registry';
import { OverlapGuard } from './overlap-guard';
import { PackageError } from './package-error';
import { formatBytes, resolveLimits, type UnpackLimits } from './unpack-limits';
import type { UnpackResult } from './unpack-result';
import { toPackageError } from './zip-error';

export type { UnpackedEntry, UnpackResult } from './unpack-result';

/**
 * Safely unpacks `zipFile` into `destDir`, which must not exist yet (it is created with mode 0700, so
 * nothing prepared by someone else is written into). Entries are streamed one at a time straight to
 * disk; memory use does not depend on the archive's size. On ANY failure `destDir` is removed.
 */
export async function unpackZip(zipFile: string, destDir: string, overrides: Partial<UnpackLimits> = {}): Promise<UnpackResult> {
  const limits = resolveLimits(overrides);
  const root = path.resolve(destDir);
  await mkdir(path.dirname(root), { recursive: true });
  await mkdir(root, { mode: 0o700 });
  try {
    return await extractAll(zipFile, root, limits);
  } catch (e) {
    await rm(root, { recursive: true, force: true });
    throw toPackageError(e);
  }
}

async function extractAll(zipFile: string, root: string, limits: UnpackLimits): Promise<UnpackResult> {
  const { size } = await stat(zipFile);
  if (size === 0) throw new PackageError('package.empty', 'The package is an empty file.');
  if (size > limits.maxArchiveBytes) {
    throw new PackageError('package.too-large', `The package is ${formatBytes(size)}; the limit is ${formatBytes(limits.maxArchiveBytes)}.`);
  }
  // decodeStrings: false so names reach OUR checks (precise codes) instead of yauzl's generic error;
  // extract-entry decodes them with yauzl's strict decoder (backslashes stay backslashes).
  const zip = await yauzl.openPromise(zipFile, { autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true });
  zip.on('error', () => undefined); // errors after we stop listening (closing the fd) must not crash the process
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new PackageError('package.entry-count', `The archive has ${zip.entryCount} entries; the limit is ${limits.maxEntries}.`);
    }
    const ctx: ExtractContext = {
      root, limits, registry: new EntryRegistry(), overlap: new OverlapGuard(),
      written: { totalBytes: 0 }, declared: { totalBytes: 0 }, entries: [], directories: [],
    };
    for await (const entry of zip.eachEntry()) await extractEntry(zip, entry, ctx);
    return { root, entries: ctx.entries, directories: ctx.directories, totalBytes: ctx.written.totalBytes };
  } finally {
    zip.close();
  }
}
