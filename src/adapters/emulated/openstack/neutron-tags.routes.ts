import type { EmulatorState } from './emulator-state';
import { neutronError } from './error-bodies';
import { type Reply, type Route } from './http-kit';
import { notFound } from './neutron-common';

/** Networking API v2.0 "Tag extension (standard-attr-tag)": tags are set on an existing resource. */
const KINDS = { networks: 'Network', subnets: 'Subnet', ports: 'Port', 'security-groups': 'SecurityGroup' } as const;
type Kind = keyof typeof KINDS;

type Tagged = { resource: { tags: string[] } } | { reply: Reply };

function tagged(state: EmulatorState, kind: string, id: string): Tagged {
  if (!(kind in KINDS)) return { reply: neutronError(404, 'HTTPNotFound', 'The resource could not be found.') };
  const table = { networks: state.networks, subnets: state.subnets, ports: state.ports, 'security-groups': state.securityGroups }[kind as Kind];
  const resource = table.get(id) as { tags: string[] } | undefined;
  return resource ? { resource } : { reply: notFound(KINDS[kind as Kind], id) };
}
const validTag = (t: unknown): t is string => typeof t === 'string' && t.length > 0 && t.length <= 255;

export const neutronTagRoutes: Route[] = [
  {
    method: 'PUT', path: '/v2.0/:kind/:id/tags', operation: 'neutron.tags.replace', service: 'neutron',
    handle: ({ state, params, body }) => {
      const t = tagged(state, params.kind, params.id);
      if ('reply' in t) return t.reply;
      const r = t.resource;
      const tags: unknown = body?.tags;
      if (!Array.isArray(tags) || !tags.every(validTag)) return neutronError(400, 'HTTPBadRequest', `Invalid input for tags. Reason: '${JSON.stringify(tags)}' is not a valid list of tags.`);
      r.tags = [...new Set(tags)];
      return { status: 200, body: { tags: r.tags } };
    },
  },
  {
    method: 'PUT', path: '/v2.0/:kind/:id/tags/:tag', operation: 'neutron.tags.add', service: 'neutron',
    handle: ({ state, params }) => {
      const t = tagged(state, params.kind, params.id);
      if ('reply' in t) return t.reply;
      const r = t.resource;
      if (!r.tags.includes(params.tag)) r.tags.push(params.tag);
      return { status: 201 };
    },
  },
  {
    method: 'GET', path: '/v2.0/:kind/:id/tags', operation: 'neutron.tags.list', service: 'neutron',
    handle: ({ state, params }) => {
      const t = tagged(state, params.kind, params.id);
      return 'reply' in t ? t.reply : { status: 200, body: { tags: t.resource.tags } };
    },
  },
];

/** Networking API v2.0 "Extensions": which optional behaviour this cloud has. */
export const neutronExtensionRoutes: Route[] = [
  {
    method: 'GET', path: '/v2.0/extensions', operation: 'neutron.extensions.list', service: 'neutron',
    handle: ({ state }) => ({ status: 200, body: { extensions: state.extensions.map((alias) => ({ alias, name: alias, description: '', updated: '2013-01-01T00:00:00-00:00', links: [] })) } }),
  },
];
