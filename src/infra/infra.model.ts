/** The infrastructure the NFVO places functions on (our own registry, `/nfvo/v1/…`). */
export interface Site {
  id: string;
  name: string;
  location?: { countryCode?: string; civicAddress?: Record<string, string> };
  labels?: Record<string, string>;
}

export type VimType = 'openstack' | 'kubernetes';

/**
 * How an OpenStack VIM gets a flavor for a VDU: `select` the smallest existing flavor the project may use
 * that is big enough (all a project member can do on a default-policy cloud), or also `create-if-missing`
 * a flavor of exactly the size asked for when none is (needs an account allowed to create flavors).
 */
export const FLAVOR_POLICIES = ['select', 'create-if-missing'] as const;
export type FlavorPolicy = (typeof FLAVOR_POLICIES)[number];

export interface Vim {
  id: string;
  siteId: string;
  name: string;
  vimType: VimType;
  /** Keystone v3 URL for OpenStack; API server URL for Kubernetes. */
  endpoint: string;
  region?: string;
  project?: string;
  projectDomain?: string;
  /** Declared capacity; the OpenStack adapter refines it from the VIM's limits. */
  capacity?: { vcpus: number; memoryMiB: number; storageGiB?: number; instances?: number };
  /** Which kind of credentials are stored (the credentials themselves are never returned). */
  authType: 'password' | 'application_credential' | 'token';
  /** OpenStack only; `select` when absent. */
  flavorPolicy?: FlavorPolicy;
}

/** Credentials, write-only: sealed at rest (AES-256-GCM, NFVO_SECRET_KEY), never in a response or a log. */
export type VimCredentials =
  | { authType: 'password'; username: string; password: string; userDomain?: string }
  | { authType: 'application_credential'; applicationCredentialId: string; applicationCredentialSecret: string }
  | { authType: 'token'; token: string };

export interface WanLink {
  id: string;
  siteA: string;
  siteB: string;
  latencyMs: number;
  bandwidthMbps?: number;
  tunnel: { type: 'vxlan' | 'gre'; endpointA: string; endpointB: string };
}

export interface SwitchHost {
  id: string;
  siteId: string;
  host: string;
  port: number;
  username: string;
  /** Pinned SSH host key: OpenSSH fingerprint `SHA256:…`; a mismatch is refused, never trusted on first use. */
  hostKeyFingerprint: string;
  bridge: string;
  /** The switch port towards the site's Kubernetes nodes and their MAC: where a path's hop into a microservice goes. */
  clusterPort?: { name: string; mac: string };
}
