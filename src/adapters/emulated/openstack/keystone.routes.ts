import { randomBytes } from 'node:crypto';
import type { EmulatorState } from './emulator-state';
import { keystoneError, unauthorized } from './error-bodies';
import { type Body, type Route } from './http-kit';
import { nowIso } from './time-format';

/** Every service this emulator serves, as Keystone's catalog lists them (devstack-style paths). */
export function catalog(state: EmulatorState): Body[] {
  const entry = (type: string, name: string, path: string) => ({
    id: `${name}-service`, type, name,
    endpoints: ['public', 'internal'].map((iface) => ({
      id: `${name}-${iface}`, interface: iface, region: state.region, region_id: state.region, url: `${state.baseUrl}${path}`,
    })),
  });
  // Neutron and Glance endpoints are unversioned in real catalogs; clients append /v2.0 and /v2.
  return [entry('identity', 'keystone', '/identity'), entry('compute', 'nova', '/compute/v2.1'), entry('network', 'neutron', '/network'), entry('image', 'glance', '/image')];
}

/** Identity API v3, "Password authentication with scoped authorization" and "Authenticating with an Application Credential". */
function authenticate(state: EmulatorState, auth: Body | undefined): string[] | undefined {
  const id = state.identity;
  const identity = auth?.identity;
  const methods: string[] = Array.isArray(identity?.methods) ? identity.methods : [];
  if (methods.includes('password')) {
    const user = identity.password?.user ?? {};
    const userOk = (user.name === id.username && (user.domain?.name ?? user.domain?.id) === id.userDomain) || user.id === id.userId;
    const project = auth?.scope?.project ?? {};
    const projectOk = project.id === id.projectId || (project.name === id.project && (project.domain?.name ?? project.domain?.id) === id.projectDomain);
    return userOk && user.password === id.password && projectOk ? ['password'] : undefined;
  }
  if (methods.includes('application_credential')) {
    const ac = identity.application_credential ?? {};
    return ac.id === id.applicationCredential.id && ac.secret === id.applicationCredential.secret ? ['application_credential'] : undefined;
  }
  return undefined;
}

export const keystoneRoutes: Route[] = [
  {
    method: 'POST', path: '/v3/auth/tokens', operation: 'keystone.tokens.create', service: 'keystone', anonymous: true,
    handle: ({ body, state }) => {
      if (!body?.auth?.identity) return keystoneError(400, "The request you have made requires 'auth.identity'.");
      const methods = authenticate(state, body.auth);
      if (!methods) return unauthorized();
      const id = state.identity;
      const token = `gAAAAAB${randomBytes(96).toString('base64url')}`;
      const issued = Date.now();
      const expiresAt = issued + state.timing.tokenTtlMs;
      state.tokens.set(token, { expiresAt, roles: id.roles });
      const domain = (name: string) => ({ id: name === 'Default' ? 'default' : name, name });
      return {
        status: 201,
        headers: { 'X-Subject-Token': token },
        body: {
          token: {
            methods, audit_ids: [randomBytes(16).toString('base64url')],
            expires_at: new Date(expiresAt).toISOString().replace('Z', '000Z'), issued_at: new Date(issued).toISOString().replace('Z', '000Z'),
            user: { id: id.userId, name: id.username, domain: domain(id.userDomain), password_expires_at: null },
            project: { id: id.projectId, name: id.project, domain: domain(id.projectDomain) },
            is_domain: false,
            roles: id.roles.map((name) => ({ id: `${name}-role`, name })),
            catalog: catalog(state),
          },
        },
      };
    },
  },
];

/** keystonemiddleware's check on every other service: a known, unexpired X-Auth-Token; its roles, or undefined. */
export function tokenRoles(state: EmulatorState, token: string | string[] | undefined): string[] | undefined {
  const t = typeof token === 'string' ? state.tokens.get(token) : undefined;
  return t && t.expiresAt > Date.now() ? t.roles : undefined;
}

export { nowIso };
