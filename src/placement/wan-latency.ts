import type { WanLink } from './placement.model';

/**
 * Shortest-path latency between sites over the WAN links (symmetric), 0 within a site and
 * Infinity when no path exists. Rows are computed on first use: a placement usually asks about
 * few source sites, and O(V^2) Dijkstra per row needs no heap at registry sizes.
 */
export class WanLatency {
  private readonly adjacency: Array<Array<[number, number]>>;
  private readonly rows: Array<Float64Array | undefined>;

  constructor(
    private readonly siteIndex: ReadonlyMap<string, number>,
    links: readonly WanLink[],
  ) {
    this.adjacency = Array.from({ length: siteIndex.size }, () => []);
    this.rows = new Array<Float64Array | undefined>(siteIndex.size);
    for (const l of links) {
      const a = siteIndex.get(l.siteA);
      const b = siteIndex.get(l.siteB);
      // A link to a site the registry does not know cannot carry traffic; negative latency is nonsense.
      if (a === undefined || b === undefined || !(l.latencyMs >= 0)) continue;
      this.adjacency[a].push([b, l.latencyMs]);
      this.adjacency[b].push([a, l.latencyMs]);
    }
  }

  between(a: number, b: number): number {
    return a === b ? 0 : (this.rows[a] ??= this.dijkstra(a))[b];
  }

  byId(a: string, b: string): number {
    const ia = this.siteIndex.get(a);
    const ib = this.siteIndex.get(b);
    return ia === undefined || ib === undefined ? Infinity : this.between(ia, ib);
  }

  private dijkstra(source: number): Float64Array {
    const n = this.adjacency.length;
    const dist = new Float64Array(n).fill(Infinity);
    const done = new Uint8Array(n);
    dist[source] = 0;
    for (let round = 0; round < n; round++) {
      let u = -1;
      for (let i = 0; i < n; i++) if (!done[i] && dist[i] < Infinity && (u < 0 || dist[i] < dist[u])) u = i;
      if (u < 0) break;
      done[u] = 1;
      for (const [v, w] of this.adjacency[u]) if (dist[u] + w < dist[v]) dist[v] = dist[u] + w;
    }
    return dist;
  }
}
