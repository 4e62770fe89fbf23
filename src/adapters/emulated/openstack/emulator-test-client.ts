import type { Body } from './http-kit';
import type { OpenStackEmulator } from './openstack-emulator';

/** Spec helper: logs in like an adapter would, then calls services by catalog type. */
export async function login(emu: OpenStackEmulator, password = 'secret') {
  const res = await fetch(`${emu.url}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { name: 'admin', domain: { name: 'Default' }, password } } }, scope: { project: { name: 'admin', domain: { name: 'Default' } } } } }),
  });
  const token = res.headers.get('x-subject-token') ?? '';
  const body = (await res.json()) as Body;
  const endpoint = (type: string): string =>
    body.token?.catalog.find((e: { type: string }) => e.type === type).endpoints.find((e: { interface: string }) => e.interface === 'public').url;
  const versions: Record<string, string> = { compute: '', network: '/v2.0', image: '/v2' };
  const call = async (type: 'compute' | 'network' | 'image', path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}) => {
    const r = await fetch(`${endpoint(type)}${versions[type]}${path}`, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
      body: init.body ? JSON.stringify(init.body) : undefined,
      signal: init.signal,
    });
    const text = await r.text();
    let json: Body;
    // Glance errors are plain text; keep them reachable as json.text.
    try { json = (text ? JSON.parse(text) : {}) as Body; } catch { json = { text }; }
    return { status: r.status, json };
  };
  return { res, token, body, call };
}

export const waitFor = async (check: () => Promise<boolean>, timeoutMs = 2000): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};
