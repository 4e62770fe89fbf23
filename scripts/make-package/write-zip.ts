import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export type ZipItem =
  | { kind: 'directory'; archivePath: string }
  | { kind: 'file'; archivePath: string; file: string }
  | { kind: 'buffer'; archivePath: string; buffer: Buffer };

/** Regular file, rw-r--r--, as Info-ZIP records it on Unix (st_mode in the upper 16 bits). */
const FILE_MODE = 0o100644;
const DIR_MODE = 0o040755;

/**
 * Writes a zip by streaming: yazl reads each file from disk as it goes, so the archive is never in
 * memory. A fixed mtime makes the same directory always give the same bytes. Returns the size.
 */
export async function writeZip(out: string, items: readonly ZipItem[], mtime: Date): Promise<number> {
  const zip = new ZipFile();
  for (const item of items) {
    if (item.kind === 'directory') zip.addEmptyDirectory(item.archivePath, { mtime, mode: DIR_MODE });
    else if (item.kind === 'file') zip.addFile(item.file, item.archivePath, { mtime, mode: FILE_MODE });
    else zip.addBuffer(item.buffer, item.archivePath, { mtime, mode: FILE_MODE });
  }
  zip.end();
  try {
    await pipeline(zip.outputStream, createWriteStream(out));
  } catch (e) {
    await rm(out, { force: true });
    throw e;
  }
  return (await stat(out)).size;
}
