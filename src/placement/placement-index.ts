import type { PlacementConstraint } from '../descriptors/model';
import type { FunctionDemand, LocationConstraint, PlacementFailure, PlacementInput, Site, Vim } from './placement.model';
import { WanLatency } from './wan-latency';
import { affinityGroups } from './affinity-groups';

export interface LatencyBound {
  other: number;
  maxMs: number;
}

/**
 * The input turned into integer-indexed tables, so the search compares numbers, not strings.
 * Sites and VIMs are sorted by id: that order is the deterministic tie-break everywhere.
 */
export interface PlacementIndex {
  fns: FunctionDemand[];
  sites: Site[];
  vims: Vim[];
  vimsBySite: number[][];
  allowed: Array<Array<{ sites: ReadonlySet<string>; list: string[] }>>;
  location: LocationConstraint[][];
  anti: number[][];
  latencyBounds: LatencyBound[][];
  /** Per function, its affinity group (members in input order); singletons for the unconstrained. */
  groupOf: number[][];
  hostAntiAffinity: string[][];
  latency: WanLatency;
  /** References to functions the service does not have, and duplicate ids: reported, never silently dropped. VIMs at unknown sites are dropped. */
  unknown: PlacementFailure[];
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function indexInput(input: PlacementInput): PlacementIndex {
  const fns = input.functions;
  const fnIndex = new Map(fns.map((f, i) => [f.functionId, i]));
  const sites = [...input.sites].sort(byId);
  const siteIndex = new Map(sites.map((s, i) => [s.id, i]));
  const vims = input.vims.filter((v) => siteIndex.has(v.siteId)).sort(byId);
  const vimsBySite: number[][] = sites.map(() => []);
  vims.forEach((v, i) => vimsBySite[siteIndex.get(v.siteId)!].push(i));
  const perFn = <T>(): T[][] => fns.map(() => []);
  const ix: PlacementIndex = {
    fns, sites, vims, vimsBySite, allowed: perFn(), location: perFn(), anti: perFn(), latencyBounds: perFn(),
    groupOf: [], hostAntiAffinity: [], latency: new WanLatency(siteIndex, input.wanLinks), unknown: [],
  };
  const known = (ids: readonly string[], what: string): number[] =>
    ids.flatMap((id) => {
      const i = fnIndex.get(id);
      if (i === undefined) ix.unknown.push({ functionId: id, reasons: [{ siteId: '*', why: `${what} names '${id}', which is not a function of this service` }] });
      return i === undefined ? [] : [i];
    });
  // Two demands under one id would silently share constraints and an assignment slot.
  for (const [i, f] of fns.entries()) if (fnIndex.get(f.functionId) !== i) ix.unknown.push({ functionId: f.functionId, reasons: [{ siteId: '*', why: `function id '${f.functionId}' appears more than once` }] });
  for (const c of input.constraints) addConstraint(ix, c, known);
  for (const lc of input.locationConstraints) for (const i of known([lc.functionId], 'a location constraint')) ix.location[i].push(lc);
  ix.groupOf = affinityGroups(fns.length, input.constraints.filter((c) => c.type === 'affinity').map((c) => known(c.functions, 'an affinity constraint')));
  return ix;
}

function addConstraint(ix: PlacementIndex, c: PlacementConstraint, known: (ids: readonly string[], what: string) => number[]): void {
  if (c.type === 'allowed-sites') {
    for (const i of known(c.functions, 'an allowed-sites constraint')) ix.allowed[i].push({ sites: new Set(c.sites), list: c.sites });
  } else if (c.type === 'anti-affinity' && c.scope === 'host') {
    ix.hostAntiAffinity.push(known(c.functions, 'an anti-affinity constraint').map((i) => ix.fns[i].functionId));
  } else if (c.type === 'anti-affinity') {
    const members = known(c.functions, 'an anti-affinity constraint');
    for (const a of members) for (const b of members) if (a !== b && !ix.anti[a].includes(b)) ix.anti[a].push(b);
  } else if (c.type === 'max-latency') {
    const [a, b] = known(c.functions, 'a max-latency constraint');
    if (a === undefined || b === undefined || a === b) return;
    ix.latencyBounds[a].push({ other: b, maxMs: c.maxLatencyMs });
    ix.latencyBounds[b].push({ other: a, maxMs: c.maxLatencyMs });
  }
}
