/** An edge `from → to` of the startup graph, with what it was made from. */
export type Edge<T> = [from: string, to: string, data: T];

/**
 * One cycle per strongly connected component that has one (Tarjan, iterative so a 1,000-function
 * chain cannot overflow the stack), as the list of its edges in walking order, starting at the
 * component's earliest declared edge.
 */
export function startupCycles<T>(edges: readonly Edge<T>[]): Edge<T>[][] {
  const out = new Map<string, Edge<T>[]>();
  for (const e of edges) {
    if (!out.has(e[0])) out.set(e[0], []);
    if (!out.has(e[1])) out.set(e[1], []);
    out.get(e[0])!.push(e);
  }
  const component = strongComponents(out);
  const cycles: Edge<T>[][] = [];
  const done = new Set<number>();
  for (const start of edges) {
    const c = component.get(start[0])!;
    if (done.has(c) || component.get(start[1]) !== c) continue;
    done.add(c);
    cycles.push(walkBack(start, out, (n) => component.get(n) === c));
  }
  return cycles;
}

/** Shortest way from the edge's head back to its tail inside the component (BFS), closing the cycle. */
function walkBack<T>(first: Edge<T>, out: Map<string, Edge<T>[]>, inside: (n: string) => boolean): Edge<T>[] {
  const via = new Map<string, Edge<T> | null>([[first[1], null]]);
  const queue = [first[1]];
  for (let i = 0; i < queue.length && !via.has(first[0]); i++) {
    for (const e of out.get(queue[i])!) {
      if (inside(e[1]) && !via.has(e[1])) { via.set(e[1], e); queue.push(e[1]); }
    }
  }
  const path: Edge<T>[] = [];
  for (let n = first[0], e = via.get(n); e; n = e[0], e = via.get(n)) path.unshift(e);
  return first[0] === first[1] ? [first] : [first, ...path];
}

function strongComponents<T>(out: Map<string, Edge<T>[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  let counter = 0;
  for (const root of out.keys()) {
    if (index.has(root)) continue;
    const work: Array<[string, number]> = [[root, 0]];
    index.set(root, counter); low.set(root, counter++); stack.push(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      const next = out.get(v)![i];
      if (next) {
        frame[1]++;
        const w = next[1];
        if (!index.has(w)) { index.set(w, counter); low.set(w, counter++); stack.push(w); work.push([w, 0]); }
        else if (!component.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) { const u = work[work.length - 1][0]; low.set(u, Math.min(low.get(u)!, low.get(v)!)); }
      if (low.get(v) === index.get(v)) {
        for (let w = stack.pop()!; ; w = stack.pop()!) { component.set(w, index.get(v)!); if (w === v) break; }
      }
    }
  }
  return component;
}
