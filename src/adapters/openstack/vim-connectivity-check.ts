import type { Vim, VimCredentials } from '../../infra/infra.model';
import type { VimConnectivity } from '../../infra/vim-connectivity.port';
import { type VimError, isVimError } from '../../lifecycle/ports/vim-error';
import { NfvoError } from '../../shared/nfvo-error';
import { OpenStackVim, defaultOpenStackVimOptions } from './openstack-vim';

/**
 * OpenStack: log in through Keystone v3, find Nova in the catalogue for the VIM's region, and read
 * the project's limits, which become the VIM's capacity unless the operator declared one.
 * Kubernetes: GET /version with the bearer token. A refusal is a 422 carrying the VIM's own message.
 */
export class HttpVimConnectivity implements VimConnectivity {
  constructor(private readonly timeoutMs = 10000) {}

  async check(vim: Vim, c: VimCredentials): Promise<Vim['capacity']> {
    if (vim.vimType === 'kubernetes') return this.checkKubernetes(vim, c);
    const os = new OpenStackVim(vim, c, { ...defaultOpenStackVimOptions, callTimeoutMs: this.timeoutMs, attempts: 1 });
    try {
      const cap = await os.capacity();
      // -1 is OpenStack's "unlimited": leave that dimension out.
      const limit = (n: number) => (n >= 0 ? n : undefined);
      const vcpus = limit(cap.vcpus.total);
      const memoryMiB = limit(cap.memoryMiB.total);
      return vcpus === undefined || memoryMiB === undefined ? undefined : { vcpus, memoryMiB, instances: limit(cap.instances.total) };
    } catch (e) {
      if (isVimError(e)) throw refusal(vim, e);
      throw e;
    }
  }

  private async checkKubernetes(vim: Vim, c: VimCredentials): Promise<undefined> {
    let res: Response;
    try {
      res = await fetch(`${vim.endpoint.replace(/\/+$/, '')}/version`, { headers: c.authType === 'token' ? { Authorization: `Bearer ${c.token}` } : {}, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      throw new NfvoError('UNPROCESSABLE', `The VIM at ${vim.endpoint} cannot be reached: ${(err as Error).message}.`);
    }
    if (res.status !== 200) throw new NfvoError('UNPROCESSABLE', `The VIM refused the NFVO's credentials: ${res.status} ${(await res.text().catch(() => '')).slice(0, 300)}`);
    return undefined;
  }
}

function refusal(vim: Vim, e: VimError): NfvoError {
  if (e.kind === 'UNREACHABLE' || e.kind === 'TIMEOUT') return new NfvoError('UNPROCESSABLE', `The VIM at ${vim.endpoint} cannot be reached: ${e.vimMessage}.`);
  if (e.kind === 'UNAUTHORIZED') return new NfvoError('UNPROCESSABLE', `The VIM refused the NFVO's credentials: ${e.status} ${e.vimMessage}`);
  return new NfvoError('UNPROCESSABLE', `The VIM answered ${e.operation} with ${e.kind}${e.status ? ` (HTTP ${e.status})` : ''}: ${e.vimMessage}`);
}
