import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EmulatorState } from './emulator-state';
import { glanceError, injectedFault, keystoneError, neutronError, novaError, unauthorized } from './error-bodies';
import type { FaultInjector } from './fault-injector';
import { glanceImageRoutes } from './glance-images.routes';
import { type Reply, type Route, type Service, matchPath, readJson, send } from './http-kit';
import { keystoneRoutes, tokenRoles } from './keystone.routes';
import { neutronExtensionRoutes, neutronTagRoutes } from './neutron-tags.routes';
import { neutronNetworkRoutes } from './neutron-networks.routes';
import { neutronPortRoutes } from './neutron-ports.routes';
import { neutronSubnetRoutes } from './neutron-subnets.routes';
import { novaFlavorRoutes } from './nova-flavors.routes';
import { novaServerRoutes } from './nova-servers.routes';
import { novaServerGroupRoutes } from './nova-server-groups.routes';
import { novaLimitRoutes } from './nova-limits.routes';
import { neutronSecurityGroupRoutes } from './neutron-security-groups.routes';

/** Path prefixes as devstack publishes them behind one web server. */
const services: { prefix: string; service: Service; routes: Route[] }[] = [
  { prefix: '/identity', service: 'keystone', routes: keystoneRoutes },
  { prefix: '/compute/v2.1', service: 'nova', routes: [...novaFlavorRoutes, ...novaServerRoutes, ...novaServerGroupRoutes, ...novaLimitRoutes] },
  { prefix: '/network', service: 'neutron', routes: [...neutronNetworkRoutes, ...neutronSubnetRoutes, ...neutronPortRoutes, ...neutronSecurityGroupRoutes, ...neutronTagRoutes, ...neutronExtensionRoutes] },
  { prefix: '/image', service: 'glance', routes: glanceImageRoutes },
];

export const operations = (): string[] => [...new Set(services.flatMap((s) => s.routes.map((r) => r.operation)))];

const notFoundFor: Record<Service, () => Reply> = {
  keystone: () => keystoneError(404, 'The resource could not be found.'),
  nova: () => novaError(404, 'The resource could not be found.'),
  neutron: () => neutronError(404, 'HTTPNotFound', 'The resource could not be found.'),
  glance: () => glanceError(404, 'The resource could not be found.'),
};

/** Order: route lookup, injected latency and faults, token check, then the handler itself. */
export async function dispatch(req: IncomingMessage, res: ServerResponse, state: EmulatorState, faults: FaultInjector): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const svc = services.find((s) => url.pathname === s.prefix || url.pathname.startsWith(`${s.prefix}/`));
  if (!svc) return send(res, { status: 404, body: '404 Not Found\n\nThe resource could not be found.' });
  const rest = url.pathname.slice(svc.prefix.length);
  let params: Record<string, string> | undefined;
  const route = svc.routes.find((r) => r.method === req.method && (params = matchPath(r.path, rest)));
  if (!route || !params) return send(res, notFoundFor[svc.service]());
  const decision = faults.decide(route.operation);
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  if (decision.kind === 'hang') return; // the socket stays open until the client aborts or close() drops it
  if (decision.kind === 'fail') return send(res, injectedFault(svc.service, decision.status ?? 503, route.operation));
  if (decision.kind === 'reset') return void req.socket.destroy();
  if (decision.kind === 'malformed') return send(res, { status: 200, body: '{"truncated": ', headers: { 'Content-Type': 'application/json' } });
  const roles = tokenRoles(state, req.headers['x-auth-token']);
  if (!route.anonymous && !roles) return send(res, unauthorized());
  let body;
  try {
    body = await readJson(req);
  } catch {
    return send(res, badJson(svc.service));
  }
  send(res, route.handle({ params, query: url.searchParams, body, headers: req.headers, state, admin: !!roles?.includes('admin') }));
}

const badJson = (s: Service): Reply =>
  s === 'nova' ? novaError(400, 'Malformed request body') : s === 'neutron' ? neutronError(400, 'HTTPBadRequest', 'Malformed JSON in request body.') : s === 'glance' ? glanceError(400, 'Malformed JSON in request body.') : keystoneError(400, 'Malformed JSON in request body.');
