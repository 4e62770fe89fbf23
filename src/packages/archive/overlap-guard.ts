import { PackageError } from './package-error';

/** Fixed part of a local file header (APPNOTE 4.3.7); the name follows it. */
const LOCAL_HEADER_BYTES = 30;

/**
 * Refuses entries whose compressed bytes overlap another entry's: that is how "overlapping" zip bombs
 * (Fifield, WOOT 2019) make thousands of entries inflate the same kernel. Ranges are kept sorted by
 * start so each check is a binary search plus a look at both neighbours.
 */
export class OverlapGuard {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly names: string[] = [];

  add(file: string, localHeaderOffset: number, fileNameLength: number, compressedSize: number): void {
    const start = localHeaderOffset;
    const end = start + LOCAL_HEADER_BYTES + fileNameLength + compressedSize;
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    const before = lo - 1;
    if (before >= 0 && this.ends[before]! > start) this.fail(file, this.names[before]!);
    if (lo < this.starts.length && this.starts[lo]! < end) this.fail(file, this.names[lo]!);
    this.starts.splice(lo, 0, start);
    this.ends.splice(lo, 0, end);
    this.names.splice(lo, 0, file);
  }

  private fail(file: string, other: string): never {
    throw new PackageError('package.overlapping-entries', `Entries "${file}" and "${other}" share compressed data (an overlapping-entry zip bomb).`, file);
  }
}
