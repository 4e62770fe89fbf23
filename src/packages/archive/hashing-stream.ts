import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { crc32 } from 'node:zlib';

export interface EntryDigests {
  size: number;
  md5: string;
  sha256: string;
  sha512: string;
  crc32: number;
}

/**
 * Pass-through that digests the bytes on their way to disk: md5 (SONATA MANIFEST.MF), sha256
 * (5GTANGO NAPD, SOL004 default) and sha512 (SOL004 alternative) in the one pass, plus the zip CRC-32,
 * which yauzl does not check. Verification never has to read a file back.
 */
export class HashingStream extends Transform {
  private readonly hashes: Record<'md5' | 'sha256' | 'sha512', Hash> = {
    md5: createHash('md5'),
    sha256: createHash('sha256'),
    sha512: createHash('sha512'),
  };
  private size = 0;
  private crc = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    this.crc = crc32(chunk, this.crc);
    for (const h of Object.values(this.hashes)) h.update(chunk);
    done(null, chunk);
  }

  /** Call once, after the stream finished. */
  digests(): EntryDigests {
    const { md5, sha256, sha512 } = this.hashes;
    return { size: this.size, md5: md5.digest('hex'), sha256: sha256.digest('hex'), sha512: sha512.digest('hex'), crc32: this.crc };
  }
}
