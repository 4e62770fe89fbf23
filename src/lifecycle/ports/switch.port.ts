import type { TraceStep } from '../domain/flows/trace-packet';
import type { ResourceOwner } from './vim.port';

/** A WAN tunnel joining one service virtual link's networks at two sites (its plan name is unique per NS instance). */
export interface TunnelSpec { name: string; link: string; siteA: string; siteB: string }

/**
 * One hop of a forwarding path: a function's connection point (with the VIM port behind it for a VM
 * function: its Neutron id, MAC and IP) or, with no function, a service access point.
 */
export interface ChainHopSpec {
  connectionPointRef: string;
  functionId: string | null;
  cp: string;
  siteId: string | null;
  port?: { portId: string; mac: string; ip: string };
}

export interface ChainSpec {
  name: string;
  hops: ChainHopSpec[];
  classifier: Record<string, unknown> | null;
  /** The NS's WAN tunnels the path may cross (by plan name). */
  tunnels?: Array<{ name: string; siteA: string; siteB: string }>;
}

/** Per switch: the chain's flows with their packet counters, as the switch reports them now. */
export interface ChainObservation { siteId: string; flows: Array<{ flow: string; nPackets: number; nBytes: number }>; error?: string }

/** Open vSwitch on each site's switch host (or the emulation of it). All calls are idempotent. */
export interface SwitchPort {
  ensureTunnel(owner: ResourceOwner, spec: TunnelSpec): Promise<Record<string, unknown>>;
  removeTunnel(owner: ResourceOwner, name: string): Promise<void>;
  ensureChain(owner: ResourceOwner, spec: ChainSpec): Promise<Record<string, unknown>>;
  removeChain(owner: ResourceOwner, name: string): Promise<void>;
  observeChain(owner: ResourceOwner, name: string): Promise<ChainObservation[]>;
  /** A packet of the chain's class followed through the switches' flow tables; undefined where a table cannot be read (real switches: use ovs-appctl ofproto/trace). */
  traceChain(owner: ResourceOwner, spec: ChainSpec): Promise<TraceStep[] | undefined>;
}

export const SWITCH_PORT = Symbol('SWITCH_PORT');
