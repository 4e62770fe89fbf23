import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PackageError } from './package-error';
import { formatBytes } from './unpack-limits';

/**
 * Streams an upload to `file` (created new, mode 0600) and fails as soon as it passes `maxBytes`, so an
 * oversized upload costs at most one chunk more than the limit. The partial file is removed on failure.
 * Returns the byte count.
 */
export async function saveUpload(content: Readable, file: string, maxBytes: number): Promise<number> {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(new PackageError('package.too-large', `The upload exceeds the package size limit of ${formatBytes(maxBytes)}.`));
      done(null, chunk);
    },
  });
  try {
    await pipeline(content, counter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    return bytes;
  } catch (e) {
    await rm(file, { force: true });
    throw e;
  }
}
