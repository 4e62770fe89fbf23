import type { Vim, VimCredentials } from '../../infra/infra.model';
import type { VimConnectivity } from '../../infra/vim-connectivity.port';
import { NfvoError } from '../../shared/nfvo-error';

/**
 * OpenStack: a Keystone v3 token request (POST /v3/auth/tokens answers 201 with X-Subject-Token).
 * Kubernetes: GET /version with the bearer token. A refusal is a 422 carrying the VIM's own message.
 */
export class HttpVimConnectivity implements VimConnectivity {
  constructor(private readonly timeoutMs = 10000) {}

  async check(vim: Vim, c: VimCredentials): Promise<void> {
    const req = vim.vimType === 'openstack' ? keystoneRequest(vim, c) : { url: `${vim.endpoint.replace(/\/+$/, '')}/version`, init: { headers: bearer(c) } };
    let res: Response;
    try {
      res = await fetch(req.url, { ...req.init, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      throw new NfvoError('UNPROCESSABLE', `The VIM at ${vim.endpoint} cannot be reached: ${(err as Error).message}.`);
    }
    const ok = vim.vimType === 'openstack' ? res.status === 201 && !!res.headers.get('x-subject-token') : res.status === 200;
    if (!ok) throw new NfvoError('UNPROCESSABLE', `The VIM refused the NFVO's credentials: ${res.status} ${await reasonOf(res)}`);
  }
}

function keystoneRequest(vim: Vim, c: VimCredentials) {
  const identity =
    c.authType === 'password'
      ? { methods: ['password'], password: { user: { name: c.username, domain: { name: c.userDomain ?? 'Default' }, password: c.password } } }
      : c.authType === 'application_credential'
        ? { methods: ['application_credential'], application_credential: { id: c.applicationCredentialId, secret: c.applicationCredentialSecret } }
        : { methods: ['token'], token: { id: c.token } };
  const scope = vim.project && c.authType !== 'application_credential' ? { project: { name: vim.project, domain: { name: vim.projectDomain ?? 'Default' } } } : undefined;
  return {
    url: `${vim.endpoint.replace(/\/+$/, '')}/auth/tokens`,
    init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ auth: { identity, ...(scope ? { scope } : {}) } }) },
  };
}

const bearer = (c: VimCredentials): Record<string, string> => (c.authType === 'token' ? { Authorization: `Bearer ${c.token}` } : {});

/** Keystone and the Kubernetes API both answer errors as JSON with a message; keep it short. */
async function reasonOf(res: Response): Promise<string> {
  const text = (await res.text().catch(() => '')).slice(0, 2000);
  try {
    const j = JSON.parse(text) as { error?: { message?: string }; message?: string };
    return (j.error?.message ?? j.message ?? text).slice(0, 300);
  } catch {
    return text.slice(0, 300) || res.statusText;
  }
}
