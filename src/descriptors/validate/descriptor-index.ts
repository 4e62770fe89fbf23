import type { DescriptorKey, DescriptorSet, ForwardingPath, FunctionDescriptor, FunctionRef, PathHop, VirtualLink } from '../model';
import { cpResolver, isResolved } from './cp-resolution';
import type { CpResolution, FunctionLookup } from './cp-resolution';
import { wiringOf } from './function-wiring';
import type { FunctionWiring } from './function-wiring';

/** Options of one validation run that the rules see. */
export interface IndexOptions {
  /** Function descriptors already onboarded: they resolve references but are not validated again. */
  extraFunctions?: readonly FunctionDescriptor[];
  /** Paths of every file in the package, when known: `file://` images must be one of them. */
  packageFiles?: readonly string[];
}

/**
 * Lookups built once per run so that every rule stays linear in the size of the descriptors
 * (a 1,000-function service must validate well under a second). Everything is keyed by string;
 * the first declaration of a duplicated id wins (integrity.duplicate-id reports the others).
 */
export interface DescriptorIndex {
  readonly set: DescriptorSet;
  readonly packageFiles?: ReadonlySet<string>;
  descriptor(key: DescriptorKey): FunctionDescriptor | undefined;
  descriptorOf(fn: FunctionRef): FunctionDescriptor | undefined;
  /** Versions available for a vendor and name, to suggest the right one. */
  versionsOf(vendor: string, name: string): readonly string[];
  wiring(fd: FunctionDescriptor): FunctionWiring;
  functionIds(): readonly string[];
  lookupFunction(idOrName: string): FunctionLookup | undefined;
  serviceCpIds(): readonly string[];
  resolveCp(ref: string): CpResolution;
  virtualLink(id: string): VirtualLink | undefined;
  /** Service virtual links that name a resolved connection point (by its node key). */
  linksAt(key: string): readonly VirtualLink[];
  /** A path's hops in position order (stable for equal positions). */
  hopsOf(path: ForwardingPath): readonly PathHop[];
}

const keyString = (k: DescriptorKey): string => `${k.vendor}\u0000${k.name}\u0000${k.version}`;

/** Appends in place: copying the list on every add would make a busy connection point quadratic. */
function addTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function firstById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return byId;
}

export function buildDescriptorIndex(set: DescriptorSet, opts: IndexOptions = {}): DescriptorIndex {
  const descriptors = new Map<string, FunctionDescriptor>();
  const versions = new Map<string, string[]>();
  for (const fd of [...set.functions, ...(opts.extraFunctions ?? [])]) {
    const key = keyString(fd.key);
    if (descriptors.has(key)) continue;
    descriptors.set(key, fd);
    addTo(versions, `${fd.key.vendor}\u0000${fd.key.name}`, fd.key.version);
  }
  const service = set.service;
  const fnById = firstById(service?.functions ?? []);
  const fnByName = new Map<string, FunctionRef[]>();
  for (const fn of fnById.values()) addTo(fnByName, fn.descriptor.name, fn);
  const serviceCps = firstById(service?.connectionPoints ?? []);
  const vlById = firstById(service?.virtualLinks ?? []);
  const functionIds = [...fnById.keys()];
  const serviceCpIds = [...serviceCps.keys()];
  const wirings = new Map<FunctionDescriptor, FunctionWiring>();
  const resolutions = new Map<string, CpResolution>();
  const hops = new Map<ForwardingPath, PathHop[]>();

  const descriptorOf = (fn: FunctionRef) => descriptors.get(keyString(fn.descriptor));
  const wiring = (fd: FunctionDescriptor): FunctionWiring => {
    let w = wirings.get(fd);
    if (!w) wirings.set(fd, (w = wiringOf(fd)));
    return w;
  };
  const lookupFunction = (idOrName: string): FunctionLookup | undefined => {
    const fn = fnById.get(idOrName);
    if (fn) return { fn, byName: false, candidates: [fn] };
    const named = fnByName.get(idOrName);
    return named ? { fn: named[0], byName: true, candidates: named } : undefined;
  };
  const resolveUncached = cpResolver({ isServiceCp: (id) => serviceCps.has(id), fnById, fnByName, descriptorOf, hasCp: (fd, cp) => wiring(fd).cpIds.has(cp) });
  const resolveCp = (ref: string): CpResolution => {
    let r = resolutions.get(ref);
    if (!r) resolutions.set(ref, (r = resolveUncached(ref)));
    return r;
  };

  const links = new Map<string, VirtualLink[]>();
  for (const vl of service?.virtualLinks ?? []) {
    for (const ref of new Set(vl.connectionPointRefs)) {
      const r = resolveCp(ref);
      if (isResolved(r)) addTo(links, r.key, vl);
    }
  }

  return {
    set,
    packageFiles: opts.packageFiles ? new Set(opts.packageFiles) : undefined,
    descriptor: (key) => descriptors.get(keyString(key)),
    descriptorOf,
    versionsOf: (vendor, name) => versions.get(`${vendor}\u0000${name}`) ?? [],
    wiring,
    functionIds: () => functionIds,
    lookupFunction,
    serviceCpIds: () => serviceCpIds,
    resolveCp,
    virtualLink: (id) => vlById.get(id),
    linksAt: (key) => links.get(key) ?? [],
    hopsOf: (path) => {
      let sorted = hops.get(path);
      if (!sorted) hops.set(path, (sorted = [...path.hops].sort((a, b) => a.position - b.position)));
      return sorted;
    },
  };
}
