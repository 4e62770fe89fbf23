import type { VimPorts } from '../lifecycle/ports/vim-ports.port';
import type { VimPort } from '../lifecycle/ports/vim.port';
import { NfvoError } from '../shared/nfvo-error';
import type { SecretBox } from '../shared/secret-box';
import type { InfraRepository } from './infra-repository.port';
import type { Vim, VimCredentials } from './infra.model';

/**
 * One VimPort per registered VIM, made from its record and its sealed credentials, and kept (with its
 * Keystone session) for as long as the VIM's endpoint and credentials stay the same.
 */
export class VimPortRegistry implements VimPorts {
  private readonly ports = new Map<string, { key: string; port: VimPort }>();

  constructor(private readonly d: { repo: InfraRepository; box: SecretBox; make: (vim: Vim, credentials: VimCredentials) => VimPort }) {}

  async forVim(vimId: string): Promise<VimPort> {
    const vim = (await this.d.repo.store('vim').get(vimId))?.doc;
    if (!vim) throw new NfvoError('UNPROCESSABLE', `VIM ${vimId} is no longer registered.`);
    const sealed = await this.d.repo.sealedCredentials('vim', vimId);
    const key = `${vim.endpoint}|${vim.region ?? ''}|${vim.project ?? ''}|${vim.flavorPolicy ?? ''}|${sealed ?? ''}`;
    const cached = this.ports.get(vimId);
    if (cached?.key === key) return cached.port;
    const port = this.d.make(vim, JSON.parse(this.d.box.open(sealed!)) as VimCredentials);
    this.ports.set(vimId, { key, port });
    return port;
  }
}
