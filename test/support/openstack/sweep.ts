import type { CloudClient } from '../../../scripts/support/cloud-client';

type Named = { id: string; name: string; tags?: string[] };

/** What of the given name prefixes (e.g. `nfvo-<ns8>-`) is in the project, listed through the API. */
export async function leftoversNamed(c: CloudClient, prefixes: string[], tags: string[] = []) {
  const mine = (r: Named) => prefixes.some((p) => r.name.startsWith(p)) || tags.some((t) => r.tags?.includes(t));
  const [servers, ports, networks, subnets, securityGroups, serverGroups] = (await Promise.all([
    c.list<Named>('compute', '/servers', 'servers'), c.list<Named>('network', '/ports', 'ports'), c.list<Named>('network', '/networks', 'networks'),
    c.list<Named>('network', '/subnets', 'subnets'), c.list<Named>('network', '/security-groups', 'security_groups'), c.list<Named>('compute', '/os-server-groups', 'server_groups'),
  ])).map((l) => l.filter(mine));
  return { servers, ports, networks, subnets, securityGroups, serverGroups };
}

/**
 * Deletes what a test left in the project (a failed test must not fill the next one's quota): servers first
 * (waited for, as Nova deletes asynchronously), then ports, networks, security groups, server groups.
 */
export async function sweepNamed(c: CloudClient, prefixes: string[], tags: string[] = []): Promise<void> {
  const left = await leftoversNamed(c, prefixes, tags);
  for (const s of left.servers) await c.call('compute', 'DELETE', `/servers/${s.id}`);
  for (let i = 0; i < 120 && left.servers.length && (await leftoversNamed(c, prefixes, tags)).servers.length; i++) await new Promise((r) => setTimeout(r, 500));
  for (const p of left.ports) await c.call('network', 'DELETE', `/ports/${p.id}`);
  for (const n of left.networks) await c.call('network', 'DELETE', `/networks/${n.id}`);
  for (const g of left.securityGroups) await c.call('network', 'DELETE', `/security-groups/${g.id}`);
  for (const g of left.serverGroups) await c.call('compute', 'DELETE', `/os-server-groups/${g.id}`);
}
