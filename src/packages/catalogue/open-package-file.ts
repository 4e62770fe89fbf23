import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type { BlobStore } from '../ports/blob-store.port';
import type { PackageFile } from '../ports/package-file-store.port';

export type ByteRange = { start: number; end: number };

/**
 * The bytes of one stored package file, or the inclusive `range` of them. A file with a location is an
 * entry of the package's ZIP blob (APPNOTE 4.3.7): a stored entry is a plain range of that blob; a
 * deflated one is inflated from its first byte and the range cut out of the output, since deflate has
 * no random access.
 */
export function openPackageFile(blobs: BlobStore, f: PackageFile, range?: ByteRange): Readable {
  const loc = f.location;
  if (!loc) return blobs.open(f.blobId, range);
  const start = range?.start ?? 0;
  const end = Math.min(range?.end ?? f.size - 1, f.size - 1);
  if (end < start) return Readable.from([]);
  if (loc.compression === 'stored') return blobs.open(f.blobId, { start: loc.dataOffset + start, end: loc.dataOffset + end });
  // pipeline destroys the blob reader when the inflater fails or is destroyed (the window closed early).
  const inflated = pipeline(blobs.open(f.blobId, { start: loc.dataOffset, end: loc.dataOffset + loc.compressedSize - 1 }), createInflateRaw(), () => undefined);
  return Readable.from(byteWindow(inflated, start, end), { objectMode: false });
}

/** Only bytes start..end (inclusive) of `source`; stops reading it once past `end`. */
async function* byteWindow(source: AsyncIterable<Buffer>, start: number, end: number): AsyncGenerator<Buffer> {
  let pos = 0;
  for await (const chunk of source) {
    const from = Math.max(start - pos, 0);
    const to = Math.min(end + 1 - pos, chunk.length);
    pos += chunk.length;
    if (from < to) yield chunk.subarray(from, to);
    if (pos > end) return;
  }
}
