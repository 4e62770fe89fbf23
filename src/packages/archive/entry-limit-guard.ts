import { Transform, type TransformCallback } from 'node:stream';
import { PackageError } from './package-error';
import { formatBytes, type UnpackLimits } from './unpack-limits';

/** Bytes written so far for the whole archive; shared by the guards of all its entries. */
export interface UnpackTally {
  totalBytes: number;
}

/**
 * Counts the bytes an entry REALLY inflates to, and fails the stream the moment a limit is passed, so a
 * lying header cannot make us write more than the limits allow. The failure destroys the pipeline, which
 * stops inflation at once: at most one chunk past the limit is ever produced.
 */
export class EntryLimitGuard extends Transform {
  private written = 0;
  private readonly ratioLimit: number;

  constructor(
    private readonly file: string,
    compressedSize: number,
    private readonly limits: Pick<UnpackLimits, 'maxEntryBytes' | 'maxTotalBytes' | 'maxRatio' | 'ratioFloorBytes'>,
    private readonly tally: UnpackTally,
  ) {
    super();
    this.ratioLimit = ratioLimitOf(compressedSize, limits);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.written += chunk.length;
    this.tally.totalBytes += chunk.length;
    const { file, limits } = this;
    if (this.written > limits.maxEntryBytes) {
      return done(new PackageError('package.entry-too-large', `Entry "${file}" inflates to more than ${formatBytes(limits.maxEntryBytes)}.`, file));
    }
    if (this.tally.totalBytes > limits.maxTotalBytes) {
      return done(new PackageError('package.total-too-large', `The archive inflates to more than ${formatBytes(limits.maxTotalBytes)} in total.`, file));
    }
    if (this.written > this.ratioLimit) {
      return done(ratioError(file, limits.maxRatio));
    }
    done(null, chunk);
  }
}

/** Bytes an entry of this compressed size may inflate to before its ratio counts as a bomb. */
export const ratioLimitOf = (compressedSize: number, limits: Pick<UnpackLimits, 'maxRatio' | 'ratioFloorBytes'>): number =>
  Math.max(limits.ratioFloorBytes, limits.maxRatio * compressedSize);

export const ratioError = (file: string, maxRatio: number): PackageError =>
  new PackageError('package.ratio', `Entry "${file}" expands more than ${maxRatio}:1 (a zip bomb?).`, file);
