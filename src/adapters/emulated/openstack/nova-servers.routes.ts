import { novaError } from './error-bodies';
import type { Route } from './http-kit';
import { createServer, deleteServer, serverView } from './nova-servers';

/**
 * Nova's `name` filter is a regular expression matched anywhere in the name (it becomes a SQL
 * REGEXP); we use JavaScript regex search, falling back to a substring match for an invalid pattern.
 */
function nameMatches(name: string, pattern: string | null): boolean {
  if (pattern === null) return true;
  try { return new RegExp(pattern).test(name); } catch { return name.includes(pattern); }
}

/** The compute microversion a request asks for (`OpenStack-API-Version: compute 2.37`), 2.1 without one. */
function microversion(h: Record<string, string | string[] | undefined>): number {
  const v = /compute\s+(\d+)\.(\d+)/.exec(String(h['openstack-api-version'] ?? '')) ?? /(\d+)\.(\d+)/.exec(String(h['x-openstack-nova-api-version'] ?? ''));
  return v ? Number(v[1]) + Number(v[2]) / 1000 : 2.001;
}

/** Compute API v2.1, "Servers". */
export const novaServerRoutes: Route[] = [
  {
    method: 'POST', path: '/servers', operation: 'nova.servers.create', service: 'nova',
    handle: ({ state, body, headers }) => {
      if (!body?.server) return novaError(400, "Invalid input for field/attribute server. 'server' is a required property");
      const made = createServer(state, body.server, body['os:scheduler_hints'] ?? body['OS-SCH-HNT:scheduler_hints'], microversion(headers));
      if (!('server' in made)) return made;
      const { id, links } = made.server;
      return { status: 202, headers: { Location: `${state.baseUrl}/compute/v2.1/servers/${id}` }, body: { server: { id, links, 'OS-DCF:diskConfig': 'MANUAL', security_groups: [{ name: 'default' }], adminPass: made.adminPass } } };
    },
  },
  {
    method: 'GET', path: '/servers/detail', operation: 'nova.servers.list', service: 'nova',
    handle: ({ state, query }) => {
      const servers = [...state.servers.values()].filter((s) => nameMatches(s.name, query.get('name')) && (!query.get('status') || s.status === query.get('status')));
      return { status: 200, body: { servers: servers.map(serverView) } };
    },
  },
  {
    method: 'GET', path: '/servers', operation: 'nova.servers.list', service: 'nova',
    handle: ({ state, query }) => ({ status: 200, body: { servers: [...state.servers.values()].filter((s) => nameMatches(s.name, query.get('name'))).map(({ id, name, links }) => ({ id, name, links })) } }),
  },
  {
    method: 'GET', path: '/servers/:id', operation: 'nova.servers.get', service: 'nova',
    handle: ({ state, params }) => {
      const s = state.servers.get(params.id);
      return s ? { status: 200, body: { server: serverView(s) } } : novaError(404, `Instance ${params.id} could not be found.`);
    },
  },
  {
    method: 'DELETE', path: '/servers/:id', operation: 'nova.servers.delete', service: 'nova',
    handle: ({ state, params }) => {
      const s = state.servers.get(params.id);
      if (!s) return novaError(404, `Instance ${params.id} could not be found.`);
      if (s['OS-EXT-STS:task_state'] !== 'deleting') deleteServer(state, s);
      return { status: 204 };
    },
  },
];
