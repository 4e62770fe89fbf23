import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { NfvoError } from '../shared/nfvo-error';
import type { TxHandle } from '../shared/unit-of-work';
import type { BlobInfo, BlobStore } from '../packages/ports/blob-store.port';
import type { Database } from './database';
import { queryer } from './transactions';

export const CHUNK_BYTES = 256 * 1024;

/**
 * Blobs as 256 KiB rows of `blob_chunk`. Any replica can read what another wrote, and content written
 * inside a transaction disappears with it when it rolls back. Writing waits for each chunk's INSERT
 * before reading on, so a fast client cannot fill memory.
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
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      const data = Buffer.concat(pending, pendingBytes);
      await q.query(`INSERT INTO blob_chunk (blob_id, n, data) VALUES ($1, $2, $3)`, [blobId, n++, data]);
      pending = [];
      pendingBytes = 0;
    };
    try {
      for await (const piece of source) {
        size += piece.length;
        if (size > opts.maxBytes) throw new NfvoError('PAYLOAD_TOO_LARGE', `The content is larger than the limit of ${opts.maxBytes} bytes.`);
        hash.update(piece);
        let buf = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
        while (buf.length > 0) {
          const take = Math.min(CHUNK_BYTES - pendingBytes, buf.length);
          pending.push(Buffer.from(buf.subarray(0, take))); // copy: the source may reuse its buffer
          pendingBytes += take;
          buf = buf.subarray(take);
          if (pendingBytes === CHUNK_BYTES) await flush();
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
    async function* chunks() {
      const start = range?.start ?? 0;
      let n = Math.floor(start / CHUNK_BYTES);
      let skip = start - n * CHUNK_BYTES;
      let remaining = range ? range.end - range.start + 1 : Number.POSITIVE_INFINITY;
      while (remaining > 0) {
        const rows: Array<{ data: Uint8Array }> = await db.dataSource.query(`SELECT data FROM blob_chunk WHERE blob_id = $1 AND n = $2`, [blobId, n++]);
        if (!rows[0]) return;
        let data = Buffer.from(rows[0].data);
        if (skip) {
          data = data.subarray(skip);
          skip = 0;
        }
        if (data.length > remaining) data = data.subarray(0, remaining);
        remaining -= data.length;
        yield data;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  async delete(blobIds: string[], tx?: TxHandle): Promise<void> {
    if (!blobIds.length) return;
    await queryer(this.db, tx).query(`DELETE FROM blob WHERE id = ANY($1::uuid[])`, [blobIds]);
  }
}
