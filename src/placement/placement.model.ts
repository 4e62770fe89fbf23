import type { PlacementConstraint, TargetDomain } from '../descriptors/model';

/** A location of the infrastructure registry; `labels` are free-form (region, tier, ...). */
export interface Site {
  id: string;
  name: string;
  labels: Record<string, string>;
  location?: { countryCode?: string; civicAddress?: Record<string, string> };
}

/** Absent storage/instances in `capacity` mean "not limited"; absent in `used` mean 0. */
export interface VimResources {
  vcpus: number;
  memoryMiB: number;
  storageGiB?: number;
  instances?: number;
}

export interface Vim {
  id: string;
  siteId: string;
  type: TargetDomain;
  capacity: VimResources;
  used: VimResources;
  /** Held by other operations in progress, not in `used` yet: it counts as used, and refusals show it apart. */
  reserved?: Partial<VimResources>;
  /** Refusals name the VIM `name (id)` when given. */
  name?: string;
}

/** Symmetric; the latency between two sites is the shortest path over these links. */
export interface WanLink {
  siteA: string;
  siteB: string;
  latencyMs: number;
  bandwidthMbps?: number;
}

/** What one function needs at its initial size, all units and instances together. */
export interface FunctionDemand {
  functionId: string;
  target: TargetDomain;
  vcpus: number;
  memoryMiB: number;
  storageGiB: number;
  instances: number;
}

/**
 * SOL005 InstantiateNsRequest.locationConstraints (VnfLocationConstraint: countryCode and
 * civicAddressElement, here as caType -> caValue); `siteId` is our extension to pin a site.
 */
export interface LocationConstraint {
  functionId: string;
  countryCode?: string;
  civicAddress?: Record<string, string>;
  siteId?: string;
}

/** least-loaded: lowest utilisation after placement first (spreads load); pack: highest (frees whole VIMs). */
export type PlacementPolicy = 'least-loaded' | 'pack';

export interface PlacementInput {
  functions: FunctionDemand[];
  constraints: PlacementConstraint[];
  locationConstraints: LocationConstraint[];
  sites: Site[];
  vims: Vim[];
  wanLinks: WanLink[];
  policy?: PlacementPolicy;
  /** Upper bound on placements tried by the backtracking search (default DEFAULT_SEARCH_LIMIT). */
  searchLimit?: number;
}

export const DEFAULT_SEARCH_LIMIT = 100_000;

export interface Assignment {
  siteId: string;
  vimId: string;
}

export interface SiteExclusion {
  /** `*` when the reason concerns no particular site (unknown function, search limit). */
  siteId: string;
  why: string;
}

export interface PlacementFailure {
  functionId: string;
  reasons: SiteExclusion[];
}

export type PlacementResult =
  | {
      ok: true;
      assignments: Record<string, Assignment>;
      /** Host-scope anti-affinity does not restrict sites: the VIM layer enforces it (server groups). */
      hostAntiAffinity: string[][];
    }
  | { ok: false; failures: PlacementFailure[]; detail: string; searchLimitReached?: boolean };
