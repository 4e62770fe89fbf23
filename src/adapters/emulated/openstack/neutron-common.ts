import type { EmulatorState } from './emulator-state';
import { neutronError } from './error-bodies';
import { type Reply } from './http-kit';
import { nowIso } from './time-format';

/** Attributes every Neutron resource carries (Networking API v2.0, standard attributes). */
export function standardAttributes(state: EmulatorState): Record<string, unknown> {
  const now = nowIso();
  return { tenant_id: state.identity.projectId, project_id: state.identity.projectId, description: '', tags: [], created_at: now, updated_at: now, revision_number: 1 };
}

export const bodyRequired = (): Reply => neutronError(400, 'HTTPBadRequest', 'Resource body required');

export const notFound = (kind: 'Network' | 'Subnet' | 'Port' | 'SecurityGroup', id: string): Reply => neutronError(404, `${kind}NotFound`, `${kind} ${id} could not be found.`);

/** Every address in use on a subnet: port fixed IPs plus the gateway, which Neutron never hands out. */
export function takenOn(state: EmulatorState, subnetId: string): Set<string> {
  const taken = new Set<string>();
  const gw = state.subnets.get(subnetId)?.gateway_ip;
  if (gw) taken.add(gw);
  for (const p of state.ports.values()) for (const f of p.fixed_ips) if (f.subnet_id === subnetId) taken.add(f.ip_address);
  return taken;
}

/** Without the `tag-creation` extension Neutron refuses `tags` in a create body (a default Zed has none). */
export function tagsOnCreate(state: EmulatorState, r: { tags?: unknown }): string[] | Reply {
  if (r.tags === undefined) return [];
  if (!state.extensions.includes('tag-creation')) return neutronError(400, 'HTTPBadRequest', "Attribute 'tags' not allowed in POST");
  return Array.isArray(r.tags) ? r.tags.map(String) : neutronError(400, 'HTTPBadRequest', "Invalid input for tags.");
}
