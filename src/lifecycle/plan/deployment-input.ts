import type { FunctionDescriptor, FunctionRef, ServiceDescriptor } from '../../descriptors/model';
import type { VnffgShape } from './plan.model';

/** A function of the service with its descriptor and where placement put it. */
export interface PlacedFunction {
  ref: FunctionRef;
  descriptor: FunctionDescriptor;
  vnfPkgId: string;
  siteId: string;
  vimId: string;
}

export interface DeploymentInput {
  nsInstanceId: string;
  service: ServiceDescriptor;
  functions: PlacedFunction[];
  /** Groups of functions that must not share a compute host (placement's host-scope anti-affinity). */
  hostAntiAffinity: string[][];
  /** Copies per function when they differ from the descriptor's initial size (scaling; 0: removed by an update). */
  copies?: Record<string, number>;
  /** The forwarding graphs and paths set up, when an update changed them from the NSD's. */
  vnffgs?: VnffgShape;
}

/** Resource names on the VIM: `nfvo-<first 8 of the NS id>-<parts>`, lower case, [a-z0-9-] only (DESIGN, "Instantiate"). */
export function resourceName(nsInstanceId: string, ...parts: Array<string | number>): string {
  const clean = parts.map((p) => String(p).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''));
  return ['nfvo', nsInstanceId.slice(0, 8), ...clean].join('-');
}

/** How many copies of a function, and of each unit within one copy, the instantiation starts with. */
export const copiesOf = (f: Pick<PlacedFunction, 'ref' | 'descriptor'>, override?: Record<string, number>): number => override?.[f.ref.id] ?? f.ref.scaling?.initial ?? f.descriptor.scaling?.initial ?? 1;

/** The scaling bounds of a function in its service (the service's own, else the descriptor's). */
export const boundsOf = (f: Pick<PlacedFunction, 'ref' | 'descriptor'>): { min: number; max: number } => f.ref.scaling ?? f.descriptor.scaling ?? { min: 1, max: 1 };
