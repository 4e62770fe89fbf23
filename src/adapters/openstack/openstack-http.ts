import { VimError } from '../../lifecycle/ports/vim-error';
import type { KeystoneSession } from './keystone-session';
import type { VimHttpClient } from './vim-http-client';
import { errorForStatus, errorForTransport } from './vim-error-map';

export type ServiceType = 'compute' | 'network' | 'image';

/**
 * One authenticated call to a service of the catalog. A 401 means the token died early (revoked,
 * Keystone restarted): drop it, log in again, and send the call once more; a second 401 is final.
 * Every failure becomes a VimError named after `operation`.
 */
export class OpenStackHttp {
  constructor(private readonly http: VimHttpClient, private readonly session: KeystoneSession, private readonly timeoutMs: number) {}

  async call<T = Record<string, unknown>>(service: ServiceType, operation: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.session.current();
      const base = await this.session.endpoint(service);
      const res = await this.http
        .request({ method, url: `${base}${path}`, data: body, timeout: this.timeoutMs, headers: { 'X-Auth-Token': token.value, ...headers } })
        .catch((err) => { throw errorForTransport(operation, err, this.timeoutMs); });
      if (res.status === 401 && attempt === 1) {
        this.session.invalidate(token.value);
        continue;
      }
      if (res.status >= 300) throw errorForStatus(operation, res.status, res.data);
      if (!res.data) return {} as T;
      try {
        return JSON.parse(res.data) as T;
      } catch {
        throw new VimError('MALFORMED_RESPONSE', operation, `HTTP ${res.status} with a body that is not JSON: ${res.data.slice(0, 120)}`, res.status);
      }
    }
  }
}
