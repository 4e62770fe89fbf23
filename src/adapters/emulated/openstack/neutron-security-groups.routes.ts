import { type EmulatorState, type SecurityGroup, newId } from './emulator-state';
import { neutronError } from './error-bodies';
import { type Body, type Route, filterByQuery } from './http-kit';
import { bodyRequired, notFound, standardAttributes, tagsOnCreate } from './neutron-common';

function rule(state: EmulatorState, groupId: string, r: Body): Body {
  return {
    ...standardAttributes(state), id: newId(), security_group_id: groupId, direction: r.direction, ethertype: r.ethertype ?? 'IPv4',
    protocol: r.protocol ?? null, port_range_min: r.port_range_min ?? null, port_range_max: r.port_range_max ?? null,
    remote_ip_prefix: r.remote_ip_prefix ?? null, remote_group_id: r.remote_group_id ?? null, remote_address_group_id: null,
  };
}

/** Networking API v2.0, "Security groups" and "Security group rules"; a new group allows all egress, as Neutron's does. */
export const neutronSecurityGroupRoutes: Route[] = [
  {
    method: 'POST', path: '/v2.0/security-groups', operation: 'neutron.security_groups.create', service: 'neutron',
    handle: ({ state, body }) => {
      const g = body?.security_group;
      if (!g) return bodyRequired();
      const tags = tagsOnCreate(state, g);
      if (!Array.isArray(tags)) return tags;
      if (g.name === 'default') return neutronError(409, 'SecurityGroupDefaultAlreadyExists', 'Default security group already exists.');
      const id = newId();
      const group: SecurityGroup = {
        ...standardAttributes(state), id, name: g.name ?? '', description: g.description ?? '', stateful: g.stateful ?? true, tags,
        security_group_rules: ['IPv4', 'IPv6'].map((ethertype) => rule(state, id, { direction: 'egress', ethertype })),
      };
      state.securityGroups.set(id, group);
      return { status: 201, body: { security_group: group } };
    },
  },
  { method: 'GET', path: '/v2.0/security-groups', operation: 'neutron.security_groups.list', service: 'neutron', handle: ({ state, query }) => ({ status: 200, body: { security_groups: filterByQuery([...state.securityGroups.values()], query) } }) },
  {
    method: 'DELETE', path: '/v2.0/security-groups/:id', operation: 'neutron.security_groups.delete', service: 'neutron',
    handle: ({ state, params }) => {
      if (!state.securityGroups.has(params.id)) return notFound('SecurityGroup', params.id);
      if ([...state.ports.values()].some((p) => (p.security_groups as string[]).includes(params.id))) {
        return neutronError(409, 'SecurityGroupInUse', `Security Group ${params.id} in use.`);
      }
      state.securityGroups.delete(params.id);
      return { status: 204 };
    },
  },
  {
    method: 'POST', path: '/v2.0/security-group-rules', operation: 'neutron.security_group_rules.create', service: 'neutron',
    handle: ({ state, body }) => {
      const r = body?.security_group_rule;
      if (!r) return bodyRequired();
      const group = state.securityGroups.get(r.security_group_id);
      if (!group) return notFound('SecurityGroup', String(r.security_group_id));
      if (!['ingress', 'egress'].includes(r.direction)) return neutronError(400, 'InvalidInput', `Invalid input for direction. Reason: '${r.direction}' is not in ['ingress', 'egress'].`);
      const made = rule(state, group.id, r);
      const same = (x: Body) => ['direction', 'ethertype', 'protocol', 'port_range_min', 'port_range_max', 'remote_ip_prefix', 'remote_group_id'].every((k) => x[k] === made[k]);
      const dup = group.security_group_rules.find(same);
      if (dup) return neutronError(409, 'SecurityGroupRuleExists', `Security group rule already exists. Rule id is ${dup.id}.`);
      group.security_group_rules.push(made);
      return { status: 201, body: { security_group_rule: made } };
    },
  },
];
