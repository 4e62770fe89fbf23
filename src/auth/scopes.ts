/** One scope per API (full access) plus a `:read` scope for safe methods (SOL013 cl. 8 leaves naming to us). */
export const API_SCOPES = ['nsd', 'vnfpkgm', 'nslcm', 'nsfm', 'nspm', 'nfvo'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const ALL_SCOPES: string[] = API_SCOPES.flatMap((s) => [s, `${s}:read`]);

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function scopeSatisfies(granted: readonly string[], api: ApiScope, method: string): boolean {
  if (granted.includes(api)) return true;
  return SAFE.has(method.toUpperCase()) && granted.includes(`${api}:read`);
}

/** Scopes granted to a client: its configured ones, or all when it lists none. */
export const effectiveScopes = (configured: readonly string[]): string[] => (configured.length ? [...configured] : [...ALL_SCOPES]);
