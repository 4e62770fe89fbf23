import type { Vim, VimCredentials } from '../../infra/infra.model';
import { VimError, isVimError } from '../../lifecycle/ports/vim-error';
import { keystoneAuthBody, tokensUrl } from './keystone-auth-body';
import { type CatalogEntry, endpointFrom } from './service-catalog';
import { errorForStatus, errorForTransport } from './vim-error-map';
import type { VimHttpClient } from './vim-http-client';

/** How long a login Keystone refused (401) is answered from memory instead of asked again. */
const REFUSAL_MEMORY_MS = 10_000;

interface Token { value: string; expiresAt: number; issuedAt: number; catalog: CatalogEntry[] }

/**
 * One Keystone v3 login per VIM, shared by every call: concurrent callers wait for the same
 * request, and the token is renewed before it expires (a tenth of its lifetime ahead, at most
 * five minutes) so a long operation never meets an expired one. A token the services reject
 * anyway (revoked, Keystone restarted) is dropped by `invalidate` and the next call logs in again.
 */
export class KeystoneSession {
  private token?: Token;
  private pending?: Promise<Token>;
  private refused?: { error: VimError; until: number };
  /** Keystone token requests made; the benchmark shows it stays at one. */
  logins = 0;

  constructor(
    private readonly http: VimHttpClient,
    private readonly vim: Pick<Vim, 'endpoint' | 'project' | 'projectDomain' | 'region'>,
    private readonly credentials: VimCredentials,
    private readonly opts: { timeoutMs: number; interface: 'public' | 'internal' | 'admin'; now?: () => number },
  ) {}

  async current(): Promise<Token> {
    const now = (this.opts.now ?? Date.now)();
    const t = this.token;
    if (t && now < t.expiresAt - Math.min(300_000, (t.expiresAt - t.issuedAt) / 10)) return t;
    // Credentials Keystone refused stay refused for a while: every step of a running plan would otherwise
    // ask again (a retry storm that may also lock the account where Keystone counts failed logins).
    if (this.refused && now < this.refused.until) throw this.refused.error;
    this.pending ??= this.login().then(
      (token) => { this.refused = undefined; return token; },
      (e: unknown) => {
        if (isVimError(e) && e.kind === 'UNAUTHORIZED') this.refused = { error: e, until: now + REFUSAL_MEMORY_MS };
        throw e;
      },
    ).finally(() => (this.pending = undefined));
    return this.pending;
  }

  invalidate(value: string): void {
    if (this.token?.value === value) this.token = undefined;
  }

  async endpoint(type: 'compute' | 'network' | 'image'): Promise<string> {
    return endpointFrom((await this.current()).catalog, type, this.vim.region, this.opts.interface);
  }

  private async login(): Promise<Token> {
    const op = 'keystone.tokens.create';
    this.logins++;
    const res = await this.http
      .request({ method: 'POST', url: tokensUrl(this.vim.endpoint), data: keystoneAuthBody(this.vim, this.credentials), timeout: this.opts.timeoutMs })
      .catch((err) => { throw errorForTransport(op, err, this.opts.timeoutMs); });
    if (res.status !== 201) throw errorForStatus(op, res.status, res.data);
    const value = res.headers['x-subject-token'];
    let body: { token?: { expires_at?: string; issued_at?: string; catalog?: CatalogEntry[] } };
    try { body = JSON.parse(res.data); } catch { throw new VimError('MALFORMED_RESPONSE', op, 'the token response is not JSON'); }
    const expiresAt = Date.parse(body.token?.expires_at ?? '');
    if (typeof value !== 'string' || !value || Number.isNaN(expiresAt) || !Array.isArray(body.token?.catalog)) {
      throw new VimError('MALFORMED_RESPONSE', op, 'the token response lacks X-Subject-Token, expires_at or the service catalog (is the token scoped to a project?)');
    }
    const issuedAt = Date.parse(body.token?.issued_at ?? '') || (this.opts.now ?? Date.now)();
    this.token = { value, expiresAt, issuedAt, catalog: body.token.catalog };
    return this.token;
  }
}
