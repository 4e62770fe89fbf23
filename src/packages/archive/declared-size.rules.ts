import type { Entry } from 'yauzl';
import { PackageError } from './package-error';
import { ratioError, ratioLimitOf, type UnpackTally } from './entry-limit-guard';
import { formatBytes, type UnpackLimits } from './unpack-limits';

/**
 * Early refusal from the central-directory sizes, before a byte is inflated: an honest zip bomb (its
 * header tells the truth) costs us nothing. A lying header is caught later by EntryLimitGuard, which
 * counts the real bytes, and by yauzl's validateEntrySizes, which fails when the count differs.
 */
export function checkDeclaredSizes(entry: Entry, file: string, limits: UnpackLimits, declared: UnpackTally): void {
  const size = entry.uncompressedSize;
  if (size > limits.maxEntryBytes) {
    throw new PackageError('package.entry-too-large', `Entry "${file}" declares ${formatBytes(size)}; the limit is ${formatBytes(limits.maxEntryBytes)}.`, file);
  }
  declared.totalBytes += size;
  if (declared.totalBytes > limits.maxTotalBytes) {
    throw new PackageError('package.total-too-large', `The archive declares more than ${formatBytes(limits.maxTotalBytes)} of content in total.`, file);
  }
  if (size > ratioLimitOf(entry.compressedSize, limits)) throw ratioError(file, limits.maxRatio);
}
