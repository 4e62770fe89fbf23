import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('sends what arrives during a flush together in the next one, and settles each write with its batch', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gc = new GroupCommit<number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
    });
    const settled: number[] = [];
    const first = gc.write(1).then(() => settled.push(1));
    const rest = [2, 3, 4].map((n) => gc.write(n).then(() => settled.push(n)));
    await new Promise((r) => setImmediate(r));
    // 1 is being written; 2-4 wait for it and have not settled.
    expect([batches, settled]).toEqual([[[1]], []]);
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
    expect(settled).toEqual([1, 2, 3, 4]);
  });

  it('rejects every write of a failed batch, and later writes still go out', async () => {
    let fail = true;
    const gc = new GroupCommit<string>(async () => { if (fail) throw new Error('db down'); });
    const a = gc.write('a');
    const b = gc.write('b');
    await expect(a).rejects.toThrow('db down');
    await expect(b).rejects.toThrow('db down');
    fail = false;
    await expect(gc.write('c')).resolves.toBeUndefined();
  });

  it('keeps batches within the bound', async () => {
    const sizes: number[] = [];
    const gc = new GroupCommit<number>(async (items) => { sizes.push(items.length); }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => gc.write(n)));
    expect(sizes).toEqual([1, 2, 2]);
  });
});
