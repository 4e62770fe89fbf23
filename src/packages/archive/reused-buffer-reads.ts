import { open } from 'node:fs/promises';

const PIECE_BYTES = 256 * 1024;

/**
 * A file's bytes as pieces of ONE buffer, refilled for each piece. Storing a package's files a second
 * time (onboarding) read them through fresh 64 KiB stream buffers: hundreds of MiB of short-lived
 * external memory for a large image, piling up until V8's next full GC (the upload benchmark's RSS
 * peak). The consumer must be done with a piece before it asks for the next; BlobStore.put is (it
 * copies each piece into its chunk buffer and hashes it before reading on).
 */
export async function* reusedBufferReads(path: string): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  const buf = Buffer.allocUnsafe(PIECE_BYTES);
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, PIECE_BYTES, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}
