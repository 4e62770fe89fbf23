import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { NfvoError } from '../shared/nfvo-error';
import type { TxHandle } from '../shared/unit-of-work';
import type { BlobInfo, BlobStore } from '../packages/ports/blob-store.port';
import type { Database } from './database';
import { queryer } from './transactions';
import { copyBlobOut } from './copy-blob-out';

export const CHUNK_BYTES = 256 * 1024;
/** Chunks written by one INSERT (see put). */
export const CHUNKS_PER_INSERT = 4;
/**
 * Reads go by 32 KiB pieces of a chunk: bytea arrives as hex text, and a whole 256 KiB chunk cost a 512 KiB
 * string plus ~1.75 MiB of the driver's reassembly buffers, long-lived enough to reach old space and pile up
 * until a full GC (the onboarding job's RSS peak). A piece's 64 KiB of text dies young, in a scavenge.
 */
export const READ_PIECE_BYTES = 32 * 1024;

/**
 * Blobs as 256 KiB rows of `blob_chunk`. Any replica can read what another wrote, and content written
 * inside a transaction disappears with it when it rolls back. Writing waits for each batch's INSERT
 * before reading on, so a fast client cannot fill memory; reading asks for the next piece only when the
 * stream's consumer wants more (`openWhole` instead streams one COPY, for local consumers).
 */
export class DatabaseBlobStore implements BlobStore {
  constructor(private readonly db: Database) {}

  async put(source: AsyncIterable<Uint8Array>, opts: { maxBytes: number; tx?: TxHandle }): Promise<BlobInfo> {
    const q = queryer(this.db, opts.tx);
    const blobId = randomUUID();
    const hash = createHash('sha256');
    await q.query(`INSERT INTO blob (id) VALUES ($1)`, [blobId]);
    let size = 0;
    let n = 0;
    // One buffer of a batch of chunks, refilled after each INSERT completes (pg has copied it into its wire
    // buffer by then): no copy per piece nor per chunk, so an upload makes no garbage of its own for the GC
    // to catch up with. A batch per statement: each autocommit flushes the WAL, and four chunks per flush
    // write 200 MiB about 40 % faster than one, while a slow client still pins no connection between batches.
    const batch = Buffer.allocUnsafe(CHUNK_BYTES * CHUNKS_PER_INSERT);
    let pendingBytes = 0;
    const flush = async () => {
      const params: unknown[] = [blobId];
      const rows: string[] = [];
      for (let at = 0; at < pendingBytes; at += CHUNK_BYTES) {
        rows.push(`($1, $${params.push(n++)}, $${params.push(batch.subarray(at, Math.min(at + CHUNK_BYTES, pendingBytes)))})`);
      }
      await q.query(`INSERT INTO blob_chunk (blob_id, n, data) VALUES ${rows.join(', ')}`, params);
      pendingBytes = 0;
    };
    try {
      for await (const piece of source) {
        size += piece.length;
        if (size > opts.maxBytes) throw new NfvoError('PAYLOAD_TOO_LARGE', `The content is larger than the limit of ${opts.maxBytes} bytes.`);
        hash.update(piece);
        for (let at = 0; at < piece.length; ) {
          const take = Math.min(batch.length - pendingBytes, piece.length - at);
          batch.set(piece.subarray(at, at + take), pendingBytes);
          pendingBytes += take;
          at += take;
          if (pendingBytes === batch.length) await flush();
        }
      }
      if (pendingBytes > 0) await flush();
      const sha256 = hash.digest('hex');
      await q.query(`UPDATE blob SET size = $2, sha256 = $3, complete = true WHERE id = $1`, [blobId, size, sha256]);
      return { blobId, size, sha256 };
    } catch (err) {
      // Inside a transaction the rollback removes it; on its own, remove it now.
      if (!opts.tx) await this.delete([blobId]).catch(() => undefined);
      throw err;
    }
  }

  open(blobId: string, range?: { start: number; end: number }): Readable {
    const db = this.db;
    async function* pieces() {
      let pos = range?.start ?? 0;
      const end = range ? range.end + 1 : Number.POSITIVE_INFINITY;
      while (pos < end) {
        const n = Math.floor(pos / CHUNK_BYTES);
        const len = Math.min(READ_PIECE_BYTES, (n + 1) * CHUNK_BYTES - pos, end - pos);
        const rows: Array<{ data: Uint8Array }> = await db.dataSource.query(
          `SELECT substring(data FROM $3 FOR $4) AS data FROM blob_chunk WHERE blob_id = $1 AND n = $2`,
          [blobId, n, pos - n * CHUNK_BYTES + 1, len],
        );
        const data = rows[0]?.data;
        if (!data?.length) return; // past the last chunk
        pos += data.length;
        yield Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        if (data.length < len) return; // only the last chunk is short
      }
    }
    return Readable.from(pieces(), { objectMode: false });
  }

  openWhole(blobId: string): Readable {
    // PGlite is in-process: there is no socket to stream from, so pieces it is.
    return this.db.kind === 'postgres' ? Readable.from(copyBlobOut(this.db, blobId), { objectMode: false }) : this.open(blobId);
  }

  async delete(blobIds: string[], tx?: TxHandle): Promise<void> {
    if (!blobIds.length) return;
    await queryer(this.db, tx).query(`DELETE FROM blob WHERE id = ANY($1::uuid[])`, [blobIds]);
  }
}
