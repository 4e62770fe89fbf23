import type { Assignment, PlacementInput } from './placement.model';

/**
 * An independent statement of what a valid placement is, for the specs: written from the
 * constraint definitions (Floyd-Warshall, plain loops), sharing no code with the solver.
 */
export function violations(input: PlacementInput, assignments: Record<string, Assignment>): string[] {
  const out: string[] = [];
  const ids = input.sites.map((s) => s.id);
  const dist = ids.map((a) => ids.map((b) => (a === b ? 0 : Infinity)));
  for (const l of input.wanLinks) {
    const [a, b] = [ids.indexOf(l.siteA), ids.indexOf(l.siteB)];
    if (a >= 0 && b >= 0 && l.latencyMs >= 0) dist[a][b] = dist[b][a] = Math.min(dist[a][b], l.latencyMs);
  }
  for (let k = 0; k < ids.length; k++) for (let i = 0; i < ids.length; i++) for (let j = 0; j < ids.length; j++) dist[i][j] = Math.min(dist[i][j], dist[i][k] + dist[k][j]);
  const siteOf = (f: string) => assignments[f]?.siteId;
  const load = new Map<string, { vcpus: number; memoryMiB: number; storageGiB: number; instances: number }>();
  for (const f of input.functions) {
    const a = assignments[f.functionId];
    const v = input.vims.find((x) => x.id === a?.vimId);
    if (!a || !v) { out.push(`${f.functionId}: not assigned to a known VIM`); continue; }
    if (!ids.includes(v.siteId)) out.push(`${f.functionId}: VIM ${v.id} is at an unknown site`);
    if (v.siteId !== a.siteId) out.push(`${f.functionId}: VIM ${v.id} is not at ${a.siteId}`);
    if (v.type !== f.target) out.push(`${f.functionId}: target ${f.target} on ${v.type}`);
    const l = load.get(v.id) ?? { vcpus: 0, memoryMiB: 0, storageGiB: 0, instances: 0 };
    for (const d of ['vcpus', 'memoryMiB', 'storageGiB', 'instances'] as const) l[d] += f[d];
    load.set(v.id, l);
  }
  for (const v of input.vims) {
    const l = load.get(v.id);
    for (const d of ['vcpus', 'memoryMiB', 'storageGiB', 'instances'] as const) {
      const cap = v.capacity[d];
      if (l && cap !== undefined && (v.used[d] ?? 0) + (v.reserved?.[d] ?? 0) + l[d] > cap + 1e-9) out.push(`${v.id}: ${d} over capacity`);
    }
  }
  for (const c of input.constraints) {
    const sites = c.functions.map(siteOf);
    if (c.type === 'allowed-sites' && sites.some((s) => !c.sites.includes(s!))) out.push(`allowed-sites ${c.functions} violated`);
    if (c.type === 'affinity' && new Set(sites).size > 1) out.push(`affinity ${c.functions} violated`);
    if (c.type === 'anti-affinity' && c.scope === 'site' && new Set(sites).size < sites.length) out.push(`anti-affinity ${c.functions} violated`);
    if (c.type === 'max-latency' && dist[ids.indexOf(sites[0]!)][ids.indexOf(sites[1]!)] > c.maxLatencyMs) out.push(`max-latency ${c.functions} violated`);
  }
  for (const lc of input.locationConstraints) {
    const s = input.sites.find((x) => x.id === siteOf(lc.functionId));
    if (lc.siteId !== undefined && s?.id !== lc.siteId) out.push(`${lc.functionId}: not at site ${lc.siteId}`);
    if (lc.countryCode !== undefined && s?.location?.countryCode?.toUpperCase() !== lc.countryCode.toUpperCase()) out.push(`${lc.functionId}: not in ${lc.countryCode}`);
    for (const [k, val] of Object.entries(lc.civicAddress ?? {})) if (s?.location?.civicAddress?.[k] !== val) out.push(`${lc.functionId}: not at ${k}=${val}`);
  }
  return out;
}

/** Whether any assignment of functions to VIMs is valid: tiny inputs only (VIMs ^ functions). */
export function bruteForceExists(input: PlacementInput): boolean {
  const fns = input.functions;
  const pick = (k: number, acc: Record<string, Assignment>): boolean => {
    if (k === fns.length) return violations(input, acc).length === 0;
    return input.vims.some((v) => pick(k + 1, { ...acc, [fns[k].functionId]: { siteId: v.siteId, vimId: v.id } }));
  };
  return pick(0, {});
}
