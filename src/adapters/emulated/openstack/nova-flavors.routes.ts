import { type EmulatorState, type Flavor, type FlavorSeed, newId } from './emulator-state';
import { novaError } from './error-bodies';
import type { Route } from './http-kit';

/** Compute API, "Flavors": the 2.1 microversion view with its extension attributes. */
export function addFlavor(state: EmulatorState, f: FlavorSeed): Flavor {
  const id = f.id ?? newId(); // Nova generates a UUID when none is given
  const flavor: Flavor = {
    id, name: f.name, ram: f.ram, vcpus: f.vcpus, disk: f.disk,
    'OS-FLV-EXT-DATA:ephemeral': 0, swap: '', rxtx_factor: 1.0,
    'OS-FLV-DISABLED:disabled': false, 'os-flavor-access:is_public': true,
    links: [{ href: `${state.baseUrl}/compute/v2.1/flavors/${id}`, rel: 'self' }, { href: `${state.baseUrl}/compute/flavors/${id}`, rel: 'bookmark' }],
  };
  state.flavors.set(id, flavor);
  return flavor;
}

export const novaFlavorRoutes: Route[] = [
  { method: 'GET', path: '/flavors/detail', operation: 'nova.flavors.list', service: 'nova', handle: ({ state }) => ({ status: 200, body: { flavors: [...state.flavors.values()] } }) },
  {
    method: 'GET', path: '/flavors/:id', operation: 'nova.flavors.get', service: 'nova',
    handle: ({ state, params }) => {
      const f = state.flavors.get(params.id);
      return f ? { status: 200, body: { flavor: f } } : novaError(404, `Flavor ${params.id} could not be found.`);
    },
  },
  {
    method: 'POST', path: '/flavors', operation: 'nova.flavors.create', service: 'nova',
    handle: ({ state, body, admin }) => {
      // Default policy os_compute_api:os-flavor-manage:create is admin-only; checked before the body, as Nova does.
      if (!admin) return novaError(403, "Policy doesn't allow os_compute_api:os-flavor-manage:create to be performed.");
      const f = body?.flavor;
      if (!f || typeof f.name !== 'string' || ![f.ram, f.vcpus, f.disk].every((n) => Number.isInteger(n) && n >= 0)) {
        return novaError(400, "Invalid input for field/attribute flavor. 'name', 'ram', 'vcpus' and 'disk' are required.");
      }
      if ([...state.flavors.values()].some((x) => x.name === f.name)) return novaError(409, `Flavor with name ${f.name} already exists.`);
      if (f.id !== undefined && state.flavors.has(String(f.id))) return novaError(409, `Flavor with ID ${f.id} already exists.`);
      // Nova answers 200 (not 201) to flavor creation.
      return { status: 200, body: { flavor: addFlavor(state, { id: f.id === undefined ? undefined : String(f.id), name: f.name, ram: f.ram, vcpus: f.vcpus, disk: f.disk }) } };
    },
  },
];
