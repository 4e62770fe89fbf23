/**
 * A plain OpenStack REST client for tests: logs in with a password (Keystone v3, project-scoped), finds
 * endpoints in the catalogue, and calls them. It stands for an operator acting on the cloud behind the
 * NFVO's back (listing what is left, deleting a server, changing a quota), on the emulator and on a real
 * cloud alike; it shares no code with the adapter under test.
 */
export interface CloudAccount { authUrl: string; username: string; password: string; project: string; userDomain?: string; projectDomain?: string; region?: string }
export type Service = 'compute' | 'network' | 'image' | 'identity';
export interface Answer { status: number; json: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any

const VERSION: Record<Service, { re: RegExp; add: string }> = {
  compute: { re: /$^/, add: '' }, network: { re: /\/v2\.0\/?$/, add: '/v2.0' }, image: { re: /\/v2\/?$/, add: '/v2' }, identity: { re: /\/v3\/?$/, add: '/v3' },
};

interface Session { token: string; userId: string; projectId: string; catalog: { type: string; endpoints: { interface: string; region_id?: string; url: string }[] }[] }

export class CloudClient {
  private session?: Promise<Session>;

  constructor(readonly account: CloudAccount) {}

  async login(): Promise<Session> {
    const a = this.account;
    const res = await fetch(`${a.authUrl.replace(/\/+$/, '')}/auth/tokens`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { name: a.username, domain: { name: a.userDomain ?? 'Default' }, password: a.password } } }, scope: { project: { name: a.project, domain: { name: a.projectDomain ?? 'Default' } } } } }),
    });
    if (res.status !== 201) throw new Error(`login of ${a.username} failed: HTTP ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { token: { user: { id: string }; project: { id: string }; catalog: Session['catalog'] } };
    return { token: res.headers.get('x-subject-token')!, userId: body.token.user.id, projectId: body.token.project.id, catalog: body.token.catalog };
  }

  private current() {
    this.session ??= this.login();
    return this.session;
  }

  /** Forget the token (after a password change revoked it). */
  reset(): void { this.session = undefined; }

  async ids(): Promise<{ userId: string; projectId: string }> {
    const s = await this.current();
    return { userId: s.userId, projectId: s.projectId };
  }

  async call(service: Service, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const s = await this.current();
    const ep = s.catalog.find((e) => e.type === service)?.endpoints.find((e) => e.interface === 'public' && (!this.account.region || e.region_id === this.account.region));
    if (!ep) throw new Error(`no public ${service} endpoint in the catalogue`);
    const base = ep.url.replace(/\/+$/, '');
    const v = VERSION[service];
    const res = await fetch(`${v.re.test(base) ? base : base + v.add}${path}`, {
      method, headers: { 'X-Auth-Token': s.token, 'Content-Type': 'application/json', Accept: 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: Answer['json'];
    try { json = text ? JSON.parse(text) : {}; } catch { json = { text }; }
    return { status: res.status, json };
  }

  /** GET a list and return its items (`servers`, `networks`, …), failing loudly on an error status. */
  async list<T = Record<string, any>>(service: Service, path: string, key: string): Promise<T[]> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const r = await this.call(service, 'GET', path);
    if (r.status !== 200) throw new Error(`GET ${path}: HTTP ${r.status} ${JSON.stringify(r.json)}`);
    return r.json[key] as T[];
  }
}

/** `export K=V` lines of an openrc-style file. */
export function readEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^\s*(?:export\s+)?([A-Z0-9_]+)=(.*)$/gm)) out[m[1]] = m[2].trim().replace(/^(['"])(.*)\1$/, '$2');
  return out;
}

export const accountFromEnv = (e: Record<string, string | undefined>): CloudAccount => ({
  authUrl: e.OS_AUTH_URL!, username: e.OS_USERNAME!, password: e.OS_PASSWORD!, project: e.OS_PROJECT_NAME!,
  userDomain: e.OS_USER_DOMAIN_NAME, projectDomain: e.OS_PROJECT_DOMAIN_NAME, region: e.OS_REGION_NAME,
});
