import { type Route, filterByQuery } from './http-kit';
import { bodyRequired, notFound } from './neutron-common';
import type { Port } from './emulator-state';
import { createPort, isPort } from './neutron-ports';

/** Neutron's default policy shows a port's binding details (host, VIF type and details, profile) to admins only. */
const ADMIN_ONLY = ['binding:host_id', 'binding:vif_type', 'binding:vif_details', 'binding:profile'];
const view = (p: Port, admin: boolean): Port => (admin ? p : (Object.fromEntries(Object.entries(p).filter(([k]) => !ADMIN_ONLY.includes(k))) as Port));

/** Networking API v2.0, "Ports". */
export const neutronPortRoutes: Route[] = [
  {
    method: 'POST', path: '/v2.0/ports', operation: 'neutron.ports.create', service: 'neutron',
    handle: ({ state, body, admin }) => {
      if (!body?.port) return bodyRequired();
      const port = createPort(state, body.port);
      return isPort(port) ? { status: 201, body: { port: view(port, admin) } } : port;
    },
  },
  { method: 'GET', path: '/v2.0/ports', operation: 'neutron.ports.list', service: 'neutron', handle: ({ state, query, admin }) => ({ status: 200, body: { ports: filterByQuery([...state.ports.values()], query).map((p) => view(p, admin)) } }) },
  {
    method: 'GET', path: '/v2.0/ports/:id', operation: 'neutron.ports.get', service: 'neutron',
    handle: ({ state, params, admin }) => {
      const p = state.ports.get(params.id);
      return p ? { status: 200, body: { port: view(p, admin) } } : notFound('Port', params.id);
    },
  },
  {
    method: 'DELETE', path: '/v2.0/ports/:id', operation: 'neutron.ports.delete', service: 'neutron',
    handle: ({ state, params }) => {
      const p = state.ports.get(params.id);
      if (!p) return notFound('Port', params.id);
      // Neutron deletes a port even while a server uses it; Nova then loses the interface.
      state.ports.delete(p.id);
      return { status: 204 };
    },
  },
];
