/**
 * Disjoint sets over string keys (path halving, no ranks): the topology rules join thousands of
 * connection points per run, and this keeps each join and lookup near O(1).
 */
export class UnionFind {
  private readonly parent = new Map<string, string>();

  add(key: string): void {
    if (!this.parent.has(key)) this.parent.set(key, key);
  }

  find(key: string): string {
    this.add(key);
    let k = key;
    for (let p = this.parent.get(k)!; p !== k; p = this.parent.get(k)!) {
      const grand = this.parent.get(p)!;
      this.parent.set(k, grand);
      k = grand;
    }
    return k;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }

  /** Every key, grouped by its set, in first-added order (so reports are deterministic). */
  groups(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const key of this.parent.keys()) {
      const root = this.find(key);
      const group = byRoot.get(root);
      if (group) group.push(key);
      else byRoot.set(root, [key]);
    }
    return [...byRoot.values()];
  }
}
