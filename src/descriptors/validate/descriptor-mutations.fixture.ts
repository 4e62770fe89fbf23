import fc from 'fast-check';
import type { DescriptorSet } from '../model';

/**
 * Random edits of ANY descriptor set that keep it type-correct (what a parser could produce from a
 * careless author), for property tests: rename or collide ids, drop elements, renumber hops, add
 * dependencies (cycles included), put random strings in references. Works on the hand-built
 * fixture and on parsed real examples alike. Indexes wrap around; edits to empty lists are no-ops.
 */
export type Mutation = (set: DescriptorSet) => void;

const at = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
const idsOf = (set: DescriptorSet): string[] => [
  ...(set.service?.functions.flatMap((f) => [f.id, f.descriptor.name]) ?? []), ...(set.service?.connectionPoints.map((c) => c.id) ?? []),
  ...set.functions.flatMap((fd) => [...fd.connectionPoints.map((c) => c.id), ...fd.units.map((u) => u.id)]),
];
/** Strings that sometimes hit (existing ids, `fn:cp` shapes) and sometimes miss. */
const reference = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 6 })).map(([a, b, s]) => (set: DescriptorSet) => {
    const ids = idsOf(set);
    return [`${at(ids, a) ?? s}:${at(ids, b) ?? s}`, at(ids, a) ?? s, `${at(ids, a) ?? s}:${s}`][(a + b) % 3];
  }),
);
const resolve = (ref: string | ((set: DescriptorSet) => string), set: DescriptorSet): string => (typeof ref === 'string' ? ref : ref(set));

const remove = fc.tuple(fc.constantFrom('functions', 'connectionPoints', 'virtualLinks', 'forwardingGraphs', 'dependencies', 'placement', 'monitoringParameters', 'descriptors', 'units', 'hops', 'fnCps', 'fnLinks'), fc.nat())
  .map(([what, i]): Mutation => (set) => {
    const s = set.service;
    const fd = at(set.functions, i);
    const path = at(s?.forwardingGraphs.flatMap((g) => g.paths) ?? [], i);
    const lists: Record<string, unknown[] | undefined> = {
      functions: s?.functions, connectionPoints: s?.connectionPoints, virtualLinks: s?.virtualLinks, forwardingGraphs: s?.forwardingGraphs,
      dependencies: s?.dependencies, placement: s?.placement, monitoringParameters: s?.monitoringParameters, descriptors: set.functions,
      units: fd?.units, hops: path?.hops, fnCps: fd?.connectionPoints, fnLinks: fd?.virtualLinks,
    };
    const list = lists[what];
    if (list?.length) list.splice(i % list.length, 1);
  });

const rename = fc.tuple(fc.constantFrom('function', 'serviceCp', 'vl', 'fg', 'path', 'unit', 'fnCp', 'unitCp'), fc.nat(), reference)
  .map(([what, i, ref]): Mutation => (set) => {
    const s = set.service;
    const fd = at(set.functions, i);
    const targets: Record<string, Array<{ id: string }> | undefined> = {
      function: s?.functions, serviceCp: s?.connectionPoints, vl: s?.virtualLinks, fg: s?.forwardingGraphs,
      path: s?.forwardingGraphs.flatMap((g) => g.paths), unit: fd?.units, fnCp: fd?.connectionPoints, unitCp: fd?.units.flatMap((u) => u.connectionPoints),
    };
    const item = at(targets[what] ?? [], i);
    if (item) item.id = resolve(ref, set);
  });

const rewire = fc.tuple(fc.constantFrom('vlRef', 'hop', 'constituentFn', 'constituentVl', 'depFrom', 'depTo', 'endpoint', 'inject', 'placementFn', 'monitoring', 'fnVlRef', 'descriptorVersion'), fc.nat(), fc.nat(), reference)
  .map(([what, i, j, ref]): Mutation => (set) => {
    const s = set.service;
    const value = resolve(ref, set);
    const vl = at(s?.virtualLinks ?? [], i);
    const fg = at(s?.forwardingGraphs ?? [], i);
    const hop = at(s?.forwardingGraphs.flatMap((g) => g.paths.flatMap((p) => p.hops)) ?? [], i);
    const dep = at(s?.dependencies ?? [], i);
    const pc = at(s?.placement ?? [], i);
    const mp = at(s?.monitoringParameters ?? [], i);
    const fvl = at(set.functions.flatMap((f) => f.virtualLinks), i);
    const fn = at(s?.functions ?? [], i);
    const edits: Record<string, () => void> = {
      vlRef: () => vl?.connectionPointRefs.length && (vl.connectionPointRefs[j % vl.connectionPointRefs.length] = value),
      hop: () => hop && (hop.connectionPointRef = value),
      constituentFn: () => fg?.constituentFunctions.push(value),
      constituentVl: () => fg?.constituentVirtualLinks.push(value),
      depFrom: () => dep && (dep.from = value),
      depTo: () => dep && (dep.to = value),
      endpoint: () => dep && (dep.endpoint = value),
      inject: () => dep && (dep.inject = value),
      placementFn: () => pc?.functions.length && ((pc.functions as string[])[j % pc.functions.length] = value),
      monitoring: () => mp && (mp.from = value),
      fnVlRef: () => fvl?.connectionPointRefs.push(value),
      descriptorVersion: () => fn && (fn.descriptor.version = value),
    };
    edits[what]();
  });

const renumber = fc.tuple(fc.nat(), fc.array(fc.oneof(fc.integer({ min: -3, max: 12 }), fc.double())), fc.boolean())
  .map(([i, positions, shuffle]): Mutation => (set) => {
    const path = at(set.service?.forwardingGraphs.flatMap((g) => g.paths) ?? [], i);
    if (!path) return;
    path.hops.forEach((h, k) => { if (k < positions.length) h.position = positions[k]; });
    if (shuffle) path.hops.reverse();
  });

const depend = fc.tuple(fc.array(fc.tuple(fc.nat(), fc.nat(), reference), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([edges, closeCycle]): Mutation => (set) => {
    const s = set.service;
    if (!s) return;
    const ids = s.functions.map((f) => f.id);
    const chain = edges.map(([a, , ref]) => at(ids, a) ?? resolve(ref, set));
    chain.forEach((from, k) => {
      const to = k + 1 < chain.length ? chain[k + 1] : closeCycle ? chain[0] : at(ids, edges[k][1]) ?? from;
      s.dependencies.push({ from, to, type: 'startup', source: { file: s.source.file, pointer: `/dependencies/${s.dependencies.length}` } });
    });
  });

const retype = fc.tuple(fc.nat(), fc.constantFrom('E-Line', 'E-LAN', 'E-Tree'), fc.constantFrom('openstack', 'kubernetes'), fc.integer({ min: -5, max: 70000 }), fc.double())
  .map(([i, type, target, port, latency]): Mutation => (set) => {
    const vl = at(set.service?.virtualLinks ?? [], i);
    if (vl) vl.connectivityType = type as 'E-Line';
    const fd = at(set.functions, i);
    if (fd) fd.target = target as 'openstack';
    const unit = at(fd?.units ?? [], i);
    if (unit?.kind === 'container') unit.ports.push({ port, protocol: 'TCP' });
    const pc = at(set.service?.placement ?? [], i);
    if (pc?.type === 'max-latency') pc.maxLatencyMs = latency;
  });

/** Repeats an element next to itself: a hop (back-and-forth paths), a container port, a unit. */
const repeat = fc.tuple(fc.constantFrom('hop', 'port', 'unit'), fc.nat())
  .map(([what, i]): Mutation => (set) => {
    const hops = at(set.service?.forwardingGraphs.flatMap((g) => g.paths) ?? [], i)?.hops;
    const fd = at(set.functions, i);
    const unit = at(fd?.units ?? [], i);
    if (what === 'hop' && hops?.length) hops.splice(i % hops.length, 0, { ...hops[i % hops.length] });
    if (what === 'port' && unit?.kind === 'container' && unit.ports.length) unit.ports.push({ ...unit.ports[i % unit.ports.length] });
    if (what === 'unit' && unit && fd) fd.units.push({ ...unit });
  });

/** Images: blank, odd URLs, checksums of the wrong length or algorithm. */
const image = fc.tuple(fc.nat(), fc.string({ maxLength: 20 }), fc.constantFrom('md5', 'sha256', 'sha512', 'crc'), fc.stringMatching(/^[0-9a-f]{0,70}$/))
  .map(([i, text, algorithm, hash]): Mutation => (set) => {
    const unit = at(set.functions.flatMap((f) => f.units), i);
    if (unit?.kind === 'container') unit.image = text;
    else if (unit) unit.image = i % 2 ? { name: text, url: i % 3 ? text : undefined } : { ...unit.image, checksum: { algorithm: algorithm as 'md5', hash } };
  });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(remove, rename, rewire, renumber, depend, retype, repeat, image);
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 8 });
