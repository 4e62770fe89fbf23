import type { Flow } from '../domain/flows/flow.model';

export interface TunnelPortSpec { port: string; type: 'vxlan' | 'gre'; localIp: string; remoteIp: string; key: number; nsInstanceId: string }

/**
 * One site's switch (a bridge of Open vSwitch on the site's switch host, or its emulation). Flows are
 * grouped by cookie: one chain's flows at this site.
 */
export interface SiteSwitch {
  readonly siteId: string;
  /** The switch port behind which the site's Kubernetes nodes answer, and their MAC: where a hop into a microservice goes. */
  readonly clusterPort?: { name: string; mac: string };
  /** Every flow with this cookie replaced by `flows`, in one exec and atomically where the switch supports bundles. */
  replaceFlows(cookie: string, flows: Flow[]): Promise<void>;
  removeFlows(cookie: string): Promise<void>;
  flowStats(cookie: string): Promise<Array<{ flow: string; nPackets: number; nBytes: number }>>;
  ensureTunnel(spec: TunnelPortSpec): Promise<void>;
  removeTunnel(port: string): Promise<void>;
  /** The whole flow table, where it can be read without cost (the emulation), to trace a packet through it. */
  flowTable?(): Flow[];
}

/** The sites' switches and the WAN between them, from the infrastructure registry. */
export interface SiteSwitches {
  forSite(siteId: string): Promise<SiteSwitch>;
  /** Every switch a chain or tunnel of an NS could have touched (removal goes to all: idempotent). */
  all(): Promise<SiteSwitch[]>;
  wanLink(siteA: string, siteB: string): Promise<{ type: 'vxlan' | 'gre'; endpointA: string; endpointB: string; siteA: string; siteB: string } | undefined>;
}
