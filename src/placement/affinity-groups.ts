/**
 * Affinity is transitive (a~b and b~c put all three on one site), so constraints merge into
 * groups: union-find over function indices. Returns, per function, its group's members in
 * index order (the same array for every member).
 */
export function affinityGroups(count: number, constraints: readonly number[][]): number[][] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const members of constraints) for (let k = 1; k < members.length; k++) parent[root(members[k])] = root(members[0]);
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const r = root(i);
    const g = byRoot.get(r);
    if (g) g.push(i);
    else byRoot.set(r, [i]);
  }
  return Array.from({ length: count }, (_, i) => byRoot.get(root(i))!);
}
