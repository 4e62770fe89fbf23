import { type ServerGroup, newId } from './emulator-state';
import { novaError } from './error-bodies';
import type { Route } from './http-kit';

const POLICIES = ['affinity', 'anti-affinity', 'soft-affinity', 'soft-anti-affinity'];

/** Compute API v2.1, "Server groups (os-server-groups)", in the base microversion's `policies` list form. */
export const novaServerGroupRoutes: Route[] = [
  {
    method: 'POST', path: '/os-server-groups', operation: 'nova.server_groups.create', service: 'nova',
    handle: ({ state, body }) => {
      const g = body?.server_group;
      if (!g || typeof g.name !== 'string' || !g.name) return novaError(400, "Invalid input for field/attribute server_group. 'name' is a required property");
      const policies: unknown = g.policies;
      if (!Array.isArray(policies) || policies.length !== 1 || !POLICIES.includes(policies[0])) {
        return novaError(400, `Invalid input for field/attribute policies. Value: ${JSON.stringify(policies)}. It must be a list of exactly one of ${POLICIES.join(', ')}`);
      }
      if (state.serverGroups.size >= state.quotas.serverGroups) return novaError(403, `Quota exceeded, too many server groups.`);
      const group: ServerGroup = { id: newId(), name: g.name, policies: [policies[0]], members: [], metadata: {}, project_id: state.identity.projectId, user_id: state.identity.userId };
      state.serverGroups.set(group.id, group);
      return { status: 200, body: { server_group: group } };
    },
  },
  { method: 'GET', path: '/os-server-groups', operation: 'nova.server_groups.list', service: 'nova', handle: ({ state }) => ({ status: 200, body: { server_groups: [...state.serverGroups.values()] } }) },
  {
    method: 'GET', path: '/os-server-groups/:id', operation: 'nova.server_groups.get', service: 'nova',
    handle: ({ state, params }) => {
      const g = state.serverGroups.get(params.id);
      return g ? { status: 200, body: { server_group: g } } : novaError(404, `Instance group ${params.id} could not be found.`);
    },
  },
  {
    method: 'DELETE', path: '/os-server-groups/:id', operation: 'nova.server_groups.delete', service: 'nova',
    handle: ({ state, params }) => (state.serverGroups.delete(params.id) ? { status: 204 } : novaError(404, `Instance group ${params.id} could not be found.`)),
  },
];
