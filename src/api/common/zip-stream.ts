import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
import { ZipFile } from 'yazl';

/** Streams a ZIP of the given entries into `out`, reading each entry's content as it is written. */
export async function zipStream(entries: Array<{ name: string; open(): Readable }>, out: Writable): Promise<void> {
  const zip = new ZipFile();
  for (const e of entries) zip.addReadStream(e.open(), e.name, { compress: true });
  zip.end();
  await pipeline(zip.outputStream, out);
}
