import type { PlacementIndex } from './placement-index';

/**
 * The site-level constraints that depend on where partners already are: affinity, site-scope
 * anti-affinity and max latency. With `sink` every violated constraint is described; without, it
 * stops at the first one (the search's hot path, where only yes/no matters).
 */
export function siteAllows(ix: PlacementIndex, placedSite: Int32Array, fn: number, s: number, sink?: string[]): boolean {
  let ok = true;
  const name = (i: number) => ix.fns[i].functionId;
  const at = (i: number) => ix.sites[placedSite[i]].id;
  for (const m of ix.groupOf[fn]) {
    if (m === fn || placedSite[m] < 0) continue;
    // Placed members of a group always share one site, so the first one tells.
    if (placedSite[m] !== s) {
      ok = false;
      if (!sink) return false;
      sink.push(`must share a site with '${name(m)}' at ${at(m)} (affinity)`);
    }
    break;
  }
  for (const b of ix.anti[fn]) {
    if (placedSite[b] !== s) continue;
    ok = false;
    if (!sink) return false;
    sink.push(`anti-affinity with '${name(b)}' already at ${at(b)}`);
  }
  for (const { other, maxMs } of ix.latencyBounds[fn]) {
    if (placedSite[other] < 0) continue;
    const ms = ix.latency.between(s, placedSite[other]);
    if (ms <= maxMs) continue;
    ok = false;
    if (!sink) return false;
    sink.push(ms === Infinity ? `no WAN path to '${name(other)}' at ${at(other)} (max ${maxMs} ms)` : `latency to '${name(other)}' at ${at(other)} is ${Math.round(ms * 100) / 100} ms > ${maxMs} ms`);
  }
  return ok;
}
