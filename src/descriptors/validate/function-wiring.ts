import type { FunctionDescriptor, Unit } from '../model';
import { UnionFind } from './union-find';

/** What the rules need to know about one function descriptor's inside, computed once per descriptor. */
export interface FunctionWiring {
  cpIds: ReadonlySet<string>;
  units: ReadonlyMap<string, Unit>;
  /** Containers share the cluster network, and a function without internal links is opaque. */
  blackBox: boolean;
  /** Function connection points with the same part reach each other inside the function. */
  partOf(cpId: string): string;
}

const cpNode = (cpId: string): string => `cp\u0000${cpId}`;

export function wiringOf(fd: FunctionDescriptor): FunctionWiring {
  const cpIds = new Set(fd.connectionPoints.map((cp) => cp.id));
  const units = new Map<string, Unit>();
  for (const unit of fd.units) if (!units.has(unit.id)) units.set(unit.id, unit);
  // A unit is one machine (or pod): traffic entering one of its interfaces can leave by another,
  // so all of a unit's connection points collapse into one node and links join units and CPs.
  const blackBox = fd.target === 'kubernetes' || fd.virtualLinks.length === 0;
  const parts = new UnionFind();
  // `unit:cp` names a unit's connection point; a bare `cp` (or any declared id) is the function's own.
  const nodeOf = (ref: string): string => {
    const colon = ref.indexOf(':');
    return colon < 0 || cpIds.has(ref) ? cpNode(ref) : `unit\u0000${ref.slice(0, colon)}`;
  };
  if (!blackBox) {
    for (const vl of fd.virtualLinks) {
      const first = `vl\u0000${vl.id}`;
      for (const ref of vl.connectionPointRefs) parts.union(first, nodeOf(ref));
    }
  }
  return {
    cpIds,
    units,
    blackBox,
    partOf: (cpId) => (blackBox ? '' : parts.find(cpNode(cpId))),
  };
}
