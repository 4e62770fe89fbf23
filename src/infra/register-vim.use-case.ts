import { randomUUID } from 'node:crypto';
import { NfvoError } from '../shared/nfvo-error';
import type { SecretBox } from '../shared/secret-box';
import type { InfraRepository } from './infra-repository.port';
import type { Vim, VimCredentials } from './infra.model';
import type { VimConnectivity } from './vim-connectivity.port';
import type { ClusterPreflight } from './cluster-preflight.port';

/**
 * POST /nfvo/v1/vims: the site must exist, the credentials must fit the VIM type, and the NFVO must be able
 * to log in (422 with the VIM's reason otherwise). Credentials are stored sealed and never returned.
 * Without a declared capacity, the VIM's reported one (OpenStack project limits) is recorded. A Kubernetes
 * VIM must also pass the preflight of the tooling that deploys to it (Terraform and its provider).
 */
export class RegisterVim {
  constructor(private readonly d: { repo: InfraRepository; connectivity: VimConnectivity; box: SecretBox; preflight?: ClusterPreflight }) {}

  async execute(input: Omit<Vim, 'id' | 'authType'>, credentials: VimCredentials): Promise<Vim> {
    if (!(await this.d.repo.store('site').get(input.siteId))) throw new NfvoError('UNPROCESSABLE', `No site ${input.siteId}; create it with POST /nfvo/v1/sites first.`);
    if (input.vimType === 'kubernetes' && credentials.authType !== 'token') throw new NfvoError('BAD_REQUEST', 'A kubernetes VIM takes credentials of authType token.');
    if (input.vimType === 'kubernetes' && input.flavorPolicy) throw new NfvoError('BAD_REQUEST', 'flavorPolicy applies to OpenStack VIMs only; a kubernetes VIM has no flavors.');
    const vim: Vim = { id: randomUUID(), ...input, authType: credentials.authType };
    // A cluster the NFVO could never deploy to is refused now, not inside the first operation that tries.
    const unusable = vim.vimType === 'kubernetes' ? await this.d.preflight?.check(vim) : undefined;
    if (unusable) throw new NfvoError('UNPROCESSABLE', `Kubernetes VIM ${vim.name} cannot be used: ${unusable}`);
    const reported = await this.d.connectivity.check(vim, credentials);
    // Declared capacity wins: an operator may reserve only part of a project for the NFVO.
    if (!vim.capacity && reported) vim.capacity = reported;
    await this.d.repo.create('vim', vim, this.d.box.seal(JSON.stringify(credentials)));
    return vim;
  }
}
