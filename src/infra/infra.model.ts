/** The infrastructure the NFVO places functions on (our own registry, `/nfvo/v1/…`). */
export interface Site {
  id: string;
  name: string;
  location?: { countryCode?: string; civicAddress?: Record<string, string> };
  labels?: Record<string, string>;
}

export type VimType = 'openstack' | 'kubernetes';

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
