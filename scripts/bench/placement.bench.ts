/**
 * placement: placeService on 1,000 functions over 50 sites (an OpenStack and a Kubernetes VIM each) linked by
 * a regional WAN (10 sites per region around a hub, hubs meshed), with allowed-sites, affinity groups,
 * site anti-affinity pairs and max-latency pairs derived from a planted valid assignment, so a placement
 * exists. Baseline: building the unconstrained candidate matrix (every function x every VIM of its type with
 * room for it), the least any placement must do, measured in the same run. In-process, CPU-bound.
 */
import { performance } from 'node:perf_hooks';
import type { PlacementConstraint } from '../../src/descriptors/model';
import { placeService, type FunctionDemand, type PlacementInput, type PlacementResult, type Vim, type WanLink } from '../../src/placement';
import type { Benchmark, BenchContext } from './bench.types';
import { label, millis, ratio, verdict } from './bench-line';
import { stat, turn } from './run-stats';

const NAME = 'placement';
const FUNCTIONS = 1000;
const REGIONS = 5;
const SITES_PER_REGION = 10;
const WARMUPS = 2;
const RUNS = 7;
/** The target for one placement of this size. */
const TARGET_MS = 200;

export const benchmark: Benchmark = { name: NAME, run };

/** A seeded generator (mulberry32), so every run places the same service. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Scenario {
  input: PlacementInput;
  stats: Record<string, number>;
}

function scenario(): Scenario {
  const rnd = random(2024);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const siteIds = Array.from({ length: REGIONS * SITES_PER_REGION }, (_, i) => `site-${String(i).padStart(2, '0')}`);
  const vims: Vim[] = siteIds.flatMap((siteId) =>
    (['openstack', 'kubernetes'] as const).map((type) => ({ id: `${siteId}-${type}`, siteId, type, capacity: { vcpus: 256, memoryMiB: 1048576, storageGiB: 20000 }, used: { vcpus: int(0, 64), memoryMiB: int(0, 262144), storageGiB: 0 } })),
  );
  const wanLinks: WanLink[] = [];
  for (let r = 0; r < REGIONS; r++) {
    const hub = r * SITES_PER_REGION;
    for (let k = 1; k < SITES_PER_REGION; k++) wanLinks.push({ siteA: siteIds[hub], siteB: siteIds[hub + k], latencyMs: int(2, 8) });
    for (let k = 1; k + 1 < SITES_PER_REGION; k += 2) wanLinks.push({ siteA: siteIds[hub + k], siteB: siteIds[hub + k + 1], latencyMs: int(1, 5) });
    for (let o = 0; o < r; o++) wanLinks.push({ siteA: siteIds[hub], siteB: siteIds[o * SITES_PER_REGION], latencyMs: int(15, 40) });
  }
  const functions: FunctionDemand[] = Array.from({ length: FUNCTIONS }, (_, i) => {
    const vm = rnd() < 0.6;
    const instances = int(1, 3);
    return { functionId: `fn-${String(i).padStart(4, '0')}`, target: vm ? 'openstack' : 'kubernetes', vcpus: instances * int(1, 4), memoryMiB: instances * 1024 * int(1, 8), storageGiB: vm ? instances * 20 : 0, instances };
  });
  // The planted assignment every constraint is derived from: it proves the input is satisfiable.
  const planted = functions.map(() => int(0, siteIds.length - 1));
  const source = { file: 'nsd.yaml', pointer: '/placement' };
  const id = (i: number) => functions[i].functionId;
  const constraints: PlacementConstraint[] = [];
  const stats = { allowedSites: 0, affinityGroups: 0, antiAffinityPairs: 0, maxLatencyPairs: 0 };
  // Disjoint groups of three (functions 0..179): overlapping groups would merge, breaking the planted sites.
  for (let g = 0; g < 60; g++, stats.affinityGroups++) {
    const members = [3 * g, 3 * g + 1, 3 * g + 2];
    for (const m of members) planted[m] = planted[members[0]];
    constraints.push({ type: 'affinity', functions: [...new Set(members.map(id))], scope: 'site', source });
  }
  for (let k = 0; k < 150; k++, stats.allowedSites++) {
    const f = int(0, FUNCTIONS - 1);
    const sites = new Set([planted[f], int(0, siteIds.length - 1), int(0, siteIds.length - 1)]);
    constraints.push({ type: 'allowed-sites', functions: [id(f)], sites: [...sites].map((s) => siteIds[s]), source });
  }
  const hops = latencies(siteIds, wanLinks);
  for (let k = 0; k < 300; k++) {
    const [a, b] = [int(0, FUNCTIONS - 1), int(0, FUNCTIONS - 1)];
    if (a === b) continue;
    if (k % 2 === 0 && planted[a] !== planted[b]) {
      constraints.push({ type: 'anti-affinity', functions: [id(a), id(b)], scope: 'site', source });
      stats.antiAffinityPairs++;
    } else if (k % 2 === 1) {
      constraints.push({ type: 'max-latency', functions: [id(a), id(b)], maxLatencyMs: hops[planted[a]][planted[b]] + 10, source });
      stats.maxLatencyPairs++;
    }
  }
  const sites = siteIds.map((s, i) => ({ id: s, name: s, labels: { region: `r${Math.floor(i / SITES_PER_REGION)}` } }));
  return { input: { functions, constraints, locationConstraints: [], sites, vims, wanLinks, policy: 'least-loaded' }, stats: { ...stats, wanLinks: wanLinks.length } };
}

/** Floyd-Warshall, only to derive satisfiable latency bounds for the generated constraints. */
function latencies(ids: readonly string[], links: readonly WanLink[]): number[][] {
  const d = ids.map((a) => ids.map((b) => (a === b ? 0 : Infinity)));
  for (const l of links) {
    const [a, b] = [ids.indexOf(l.siteA), ids.indexOf(l.siteB)];
    d[a][b] = d[b][a] = Math.min(d[a][b], l.latencyMs);
  }
  for (let k = 0; k < ids.length; k++) for (let i = 0; i < ids.length; i++) for (let j = 0; j < ids.length; j++) d[i][j] = Math.min(d[i][j], d[i][k] + d[k][j]);
  return d;
}

/** The baseline: every function's unconstrained candidate VIMs, each pair checked for type and room. */
function candidateMatrix(input: PlacementInput): number {
  let pairs = 0;
  for (const f of input.functions) {
    const row: Vim[] = [];
    for (const v of input.vims) if (v.type === f.target && v.capacity.vcpus - v.used.vcpus >= f.vcpus && v.capacity.memoryMiB - v.used.memoryMiB >= f.memoryMiB) row.push(v);
    pairs += row.length;
  }
  return pairs;
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = work();
  return { ms: performance.now() - t0, value };
}

async function run(ctx: BenchContext): Promise<void> {
  const { input, stats } = scenario();
  const cold = timed(() => placeService(input));
  ctx.print(
    `${label(NAME, 'setup')}${FUNCTIONS} functions over ${input.sites.length} sites (${input.vims.length} VIMs), ${stats.wanLinks} WAN links in ${REGIONS} regions; ` +
      `${stats.allowedSites} allowed-sites, ${stats.affinityGroups} affinity groups, ${stats.antiAffinityPairs} anti-affinity pairs, ${stats.maxLatencyPairs} max-latency pairs; policy ${input.policy}; ${WARMUPS} warm-ups + ${RUNS} runs`,
  );
  ctx.print(`${label(NAME, 'result')}${describe(cold.value)}`);
  for (let i = 0; i < WARMUPS; i++) {
    await turn();
    placeService(input);
    candidateMatrix(input);
  }
  // Interleaved, so a noisy neighbour slows both sides alike.
  const place: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await turn();
    place.push(timed(() => placeService(input)).ms);
    base.push(timed(() => candidateMatrix(input)).ms);
  }
  const p = stat(place);
  const b = stat(base);
  ctx.print(
    `${label(NAME, '1000-functions')}ratio ${ratio(p.median, b.median)} to candidate matrix | median ${millis(p.median)}, max ${millis(p.max)} | candidate matrix median ${millis(b.median)}, max ${millis(b.max)} | ` +
      `target < ${TARGET_MS} ms: ${verdict(p.median < TARGET_MS)} (median), ${verdict(p.max < TARGET_MS)} (max) | cold first run ${millis(cold.ms)}${cold.value.ok ? '' : ' | PLACEMENT FAILED: figures not valid'}`,
  );
}

function describe(r: PlacementResult): string {
  if (!r.ok) return `failed: ${r.detail.slice(0, 300)}`;
  const sites = new Set(Object.values(r.assignments).map((a) => a.siteId));
  return `placed ${Object.keys(r.assignments).length} functions on ${sites.size} sites`;
}

