import { type Route, filterByQuery } from './http-kit';
import { bodyRequired, notFound } from './neutron-common';
import { createPort, isPort } from './neutron-ports';

/** Networking API v2.0, "Ports". */
export const neutronPortRoutes: Route[] = [
  {
    method: 'POST', path: '/v2.0/ports', operation: 'neutron.ports.create', service: 'neutron',
    handle: ({ state, body }) => {
      if (!body?.port) return bodyRequired();
      const port = createPort(state, body.port);
      return isPort(port) ? { status: 201, body: { port } } : port;
    },
  },
  { method: 'GET', path: '/v2.0/ports', operation: 'neutron.ports.list', service: 'neutron', handle: ({ state, query }) => ({ status: 200, body: { ports: filterByQuery([...state.ports.values()], query) } }) },
  {
    method: 'GET', path: '/v2.0/ports/:id', operation: 'neutron.ports.get', service: 'neutron',
    handle: ({ state, params }) => {
      const p = state.ports.get(params.id);
      return p ? { status: 200, body: { port: p } } : notFound('Port', params.id);
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
