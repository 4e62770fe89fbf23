import type { EmulatorState, Flavor, Server, ServerGroup } from './emulator-state';
import { novaError } from './error-bodies';
import type { Reply } from './http-kit';

const live = (state: EmulatorState): Server[] => [...state.servers.values()];
const flavorOf = (state: EmulatorState, s: Server): Flavor | undefined => state.flavors.get((s.flavor as { id: string }).id);

/**
 * Nova checks quota in the API before accepting the request and answers 403 with
 * "Quota exceeded for cores: Requested 4, but already used 18 of 20 cores" (nova/exception.py TooManyInstances).
 */
export function quotaExceeded(state: EmulatorState, flavor: Flavor): Reply | undefined {
  const servers = live(state);
  const used = { instances: servers.length, cores: 0, ram: 0 };
  for (const s of servers) {
    const f = flavorOf(state, s);
    used.cores += f?.vcpus ?? 0;
    used.ram += f?.ram ?? 0;
  }
  const q = state.quotas;
  const checks: [string, number, number, number][] = [['instances', 1, used.instances, q.instances], ['cores', flavor.vcpus, used.cores, q.cores], ['ram', flavor.ram, used.ram, q.ramMiB]];
  const over = checks.find(([, req, u, allowed]) => u + req > allowed);
  if (!over) return undefined;
  const [name, req, u, allowed] = over;
  return novaError(403, `Quota exceeded for ${name}: Requested ${req}, but already used ${u} of ${allowed} ${name}`);
}

/**
 * The filter scheduler in miniature: RAM and core filters per host, then the server group's
 * policy (ServerGroupAntiAffinityFilter / ServerGroupAffinityFilter), then the least loaded host.
 * Undefined means NoValidHost: the server goes to ERROR, as Nova's conductor does.
 */
export function pickHost(state: EmulatorState, flavor: Flavor, group?: ServerGroup): string | undefined {
  const load = new Map(state.hosts.map((h) => [h.name, { cores: 0, ram: 0 }]));
  for (const s of live(state)) {
    const h = load.get(String(s.host ?? ''));
    const f = flavorOf(state, s);
    if (h && f) { h.cores += f.vcpus; h.ram += f.ram; }
  }
  const memberHosts = new Set((group?.members ?? []).map((m) => String(state.servers.get(m)?.host ?? '')).filter(Boolean));
  const fits = state.hosts.filter((h) => {
    const l = load.get(h.name)!;
    if (l.cores + flavor.vcpus > h.vcpus || l.ram + flavor.ram > h.memoryMiB) return false;
    if (group?.policies.includes('anti-affinity')) return !memberHosts.has(h.name);
    if (group?.policies.includes('affinity') && memberHosts.size) return memberHosts.has(h.name);
    return true;
  });
  fits.sort((a, b) => load.get(a.name)!.cores / a.vcpus - load.get(b.name)!.cores / b.vcpus);
  return fits[0]?.name;
}
