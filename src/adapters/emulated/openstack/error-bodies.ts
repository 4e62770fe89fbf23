import type { Reply, Service } from './http-kit';

/**
 * Nova's fault wrapper names the body key after the status (nova/api/openstack/wsgi.py Fault);
 * anything unlisted is a `computeFault`. See Compute API reference, "Faults".
 */
const novaFaultNames: Record<number, string> = {
  400: 'badRequest', 401: 'unauthorized', 403: 'forbidden', 404: 'itemNotFound', 405: 'badMethod',
  409: 'conflictingRequest', 413: 'overLimit', 415: 'badMediaType', 429: 'overLimit', 501: 'notImplemented', 503: 'serviceUnavailable',
};

const titles: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export const novaError = (status: number, message: string): Reply => ({
  status, body: { [novaFaultNames[status] ?? 'computeFault']: { code: status, message } },
});

/** Neutron wraps every error as NeutronError{type,message,detail} (Networking API reference, "Faults"). */
export const neutronError = (status: number, type: string, message: string): Reply => ({
  status, body: { NeutronError: { type, message, detail: '' } },
});

/** Keystone and keystonemiddleware (which guards every service) answer {error:{code,message,title}}. */
export const keystoneError = (status: number, message: string): Reply => ({
  status, body: { error: { code: status, message, title: titles[status] ?? 'Error' } },
});

export const unauthorized = (): Reply => keystoneError(401, 'The request you have made requires authentication.');

/** Glance v2 answers errors as a short plain-text page rather than JSON. */
export const glanceError = (status: number, detail: string): Reply => ({
  status, body: `${status} ${titles[status] ?? 'Error'}\n\n${detail}\n\n   `,
});

/** The body an injected fault carries, shaped like that service's own errors. */
export function injectedFault(service: Service, status: number, operation: string): Reply {
  const message = `Injected fault on ${operation}.`;
  if (service === 'nova') return novaError(status, message);
  if (service === 'neutron') return neutronError(status, status === 503 ? 'ServiceUnavailable' : 'HTTPInternalServerError', message);
  if (service === 'glance') return glanceError(status, message);
  return keystoneError(status, message);
}
