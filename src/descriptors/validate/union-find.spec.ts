import { UnionFind } from './union-find';

describe('UnionFind', () => {
  it('groups joined keys, in first-added order', () => {
    const uf = new UnionFind();
    ['a', 'b', 'c', 'd', 'e'].forEach((k) => uf.add(k));
    uf.union('d', 'b');
    uf.union('e', 'a');
    expect(uf.groups()).toEqual([['a', 'e'], ['b', 'd'], ['c']]);
    expect(uf.find('e')).toBe(uf.find('a'));
  });

  it('handles a long chain without deep recursion', () => {
    const uf = new UnionFind();
    for (let i = 1; i < 100000; i++) uf.union(`n${i}`, `n${i - 1}`);
    expect(uf.groups()).toHaveLength(1);
  });
});
