import type { ResourceOwner } from './vim.port';

export interface TunnelSpec { name: string; link: string; siteA: string; siteB: string }

export interface ChainSpec {
  name: string;
  hops: Array<{ connectionPointRef: string; functionId: string | null; cp: string; siteId: string | null }>;
  classifier: Record<string, unknown> | null;
}

/** Open vSwitch on each site's switch host (the chaining issue implements it over SSH). All calls are idempotent. */
export interface SwitchPort {
  ensureTunnel(owner: ResourceOwner, spec: TunnelSpec): Promise<Record<string, unknown>>;
  removeTunnel(owner: ResourceOwner, name: string): Promise<void>;
  ensureChain(owner: ResourceOwner, spec: ChainSpec): Promise<Record<string, unknown>>;
  removeChain(owner: ResourceOwner, name: string): Promise<void>;
}

export const SWITCH_PORT = Symbol('SWITCH_PORT');
