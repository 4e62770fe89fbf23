import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reusedBufferReads } from './reused-buffer-reads';

describe('reusedBufferReads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nfvo-reads-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('yields the whole file, piece by piece, every piece in the same buffer', async () => {
    const content = randomBytes(600 * 1024 + 7);
    writeFileSync(join(dir, 'f'), content);
    const copies: Buffer[] = [];
    const memories = new Set<ArrayBufferLike>();
    for await (const piece of reusedBufferReads(join(dir, 'f'))) {
      copies.push(Buffer.from(piece)); // used before the next is asked for, as BlobStore.put does
      memories.add(piece.buffer);
    }
    expect(Buffer.concat(copies).equals(content)).toBe(true);
    expect(copies.map((c) => c.length)).toEqual([256 * 1024, 256 * 1024, 88 * 1024 + 7]);
    expect(memories.size).toBe(1);
  });

  it('yields nothing for an empty file, and closes it', async () => {
    writeFileSync(join(dir, 'empty'), '');
    const pieces = [];
    for await (const p of reusedBufferReads(join(dir, 'empty'))) pieces.push(p);
    expect(pieces).toEqual([]);
  });
});
