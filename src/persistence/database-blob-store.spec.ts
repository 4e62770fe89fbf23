import { randomBytes } from 'node:crypto';
import { createHash } from 'node:crypto';
import { openTestDatabase, type TestDb } from '../../test/support/test-database';
import { NfvoError } from '../shared/nfvo-error';
import { CHUNK_BYTES, CHUNKS_PER_INSERT, DatabaseBlobStore, READ_PIECE_BYTES } from './database-blob-store';
import { handleOf } from './transactions';

async function* pieces(buf: Buffer, size = 64 * 1024) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
const readAll = async (s: NodeJS.ReadableStream) => {
  const out: Buffer[] = [];
  for await (const c of s) out.push(Buffer.from(c as Buffer));
  return Buffer.concat(out);
};

describe('DatabaseBlobStore', () => {
  let t: TestDb;
  let store: DatabaseBlobStore;
  const content = randomBytes(2 * CHUNK_BYTES + 12345);

  beforeAll(async () => {
    t = await openTestDatabase();
    store = new DatabaseBlobStore(t.db);
  });
  afterAll(() => t?.drop());

  it('round-trips content across chunk boundaries with its sha-256', async () => {
    const info = await store.put(pieces(content), { maxBytes: 10 * CHUNK_BYTES });
    expect(info.size).toBe(content.length);
    expect(info.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect((await readAll(store.open(info.blobId))).equals(content)).toBe(true);
  });

  it('writes several batches of chunks, each a full 256 KiB chunk but the last, and reads them back', async () => {
    const large = randomBytes(CHUNK_BYTES * CHUNKS_PER_INSERT * 2 + 12345);
    const info = await store.put(pieces(large, 100_000), { maxBytes: large.length });
    const sizes = await t.db.dataSource.query(`SELECT n, octet_length(data) AS len FROM blob_chunk WHERE blob_id = $1 ORDER BY n`, [info.blobId]);
    expect(sizes.map((r: { n: number; len: number }) => [r.n, Number(r.len)])).toEqual([
      ...Array.from({ length: CHUNKS_PER_INSERT * 2 }, (_, n) => [n, CHUNK_BYTES]),
      [CHUNKS_PER_INSERT * 2, 12345],
    ]);
    expect((await readAll(store.open(info.blobId))).equals(large)).toBe(true);
    expect((await readAll(store.open(info.blobId, { start: CHUNK_BYTES * 5 - 7, end: CHUNK_BYTES * 5 + 7 }))).equals(large.subarray(CHUNK_BYTES * 5 - 7, CHUNK_BYTES * 5 + 8))).toBe(true);
  });

  it('serves byte ranges that span chunks', async () => {
    const { blobId } = await store.put(pieces(content), { maxBytes: 10 * CHUNK_BYTES });
    for (const [start, end] of [[0, 0], [CHUNK_BYTES - 3, CHUNK_BYTES + 3], [10, 2 * CHUNK_BYTES + 100], [content.length - 5, content.length - 1]]) {
      expect((await readAll(store.open(blobId, { start, end }))).equals(content.subarray(start, end + 1))).toBe(true);
    }
  });

  it('reads content that ends on a chunk boundary, or is empty, whole', async () => {
    for (const c of [content.subarray(0, CHUNK_BYTES), content.subarray(0, READ_PIECE_BYTES + 1), Buffer.alloc(0)]) {
      const { blobId } = await store.put(pieces(c), { maxBytes: 10 * CHUNK_BYTES });
      expect((await readAll(store.open(blobId))).equals(c)).toBe(true);
    }
  });

  it('streams a whole blob in one go (binary COPY on PostgreSQL) with the same bytes as piece by piece', async () => {
    for (const c of [content, content.subarray(0, CHUNK_BYTES), Buffer.alloc(0)]) {
      const { blobId } = await store.put(pieces(c), { maxBytes: 10 * CHUNK_BYTES });
      expect((await readAll(store.openWhole(blobId))).equals(c)).toBe(true);
    }
  });

  it('gives a connection back when a whole-blob stream is abandoned, so abandoning many starves no one', async () => {
    // Larger than socket buffers hold, so an abandoned COPY is really still running.
    const large = Buffer.concat(Array.from({ length: 16 }, () => content));
    const { blobId } = await store.put(pieces(large), { maxBytes: large.length });
    // More abandoned streams than the pool has connections (10).
    for (let i = 0; i < 15; i++) {
      const s = store.openWhole(blobId);
      for await (const piece of s) {
        expect(piece.length).toBeGreaterThan(0);
        break; // leaving the loop destroys the stream mid-COPY
      }
    }
    expect((await readAll(store.openWhole(blobId))).equals(large)).toBe(true);
    const probes = await Promise.all(Array.from({ length: 10 }, () => t.db.dataSource.query('SELECT 1 AS one')));
    expect(probes.map((r) => r[0].one)).toEqual(Array(10).fill(1));
  });

  it('refuses content over the limit and keeps nothing of it', async () => {
    const before = await t.db.dataSource.query('SELECT count(*)::int AS n FROM blob');
    await expect(store.put(pieces(content), { maxBytes: CHUNK_BYTES })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' } as Partial<NfvoError>);
    expect(await t.db.dataSource.query('SELECT count(*)::int AS n FROM blob')).toEqual(before);
    expect((await t.db.dataSource.query('SELECT count(*)::int AS n FROM blob_chunk WHERE blob_id NOT IN (SELECT id FROM blob)'))[0].n).toBe(0);
  });

  it('writes inside a transaction: a rollback leaves no blob', async () => {
    let id = '';
    await expect(
      t.db.transaction(async (m) => {
        id = (await store.put(pieces(content.subarray(0, 1000)), { maxBytes: CHUNK_BYTES, tx: handleOf(m) })).blobId;
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.db.dataSource.query('SELECT id FROM blob WHERE id = $1', [id])).toEqual([]);
  });
});
