import { NfvoError } from '../shared/nfvo-error';
import type { SecretBox } from '../shared/secret-box';
import type { InfraRepository } from './infra-repository.port';
import type { Site, Vim, VimCredentials } from './infra.model';

/**
 * The cluster of a registered Kubernetes VIM as the Kubernetes provider's environment (KUBE_HOST,
 * KUBE_TOKEN): opened from the sealed credentials only for the run that needs them, never written.
 */
export async function kubernetesClusterEnv(repo: InfraRepository, box: SecretBox, vimId: string): Promise<Record<string, string>> {
  const vim = (await repo.store('vim').get(vimId))?.doc as Vim | undefined;
  if (!vim || vim.vimType !== 'kubernetes') throw new NfvoError('UNPROCESSABLE', `VIM ${vimId} is not a registered Kubernetes VIM.`);
  const sealed = await repo.sealedCredentials('vim', vimId);
  const creds = sealed ? (JSON.parse(box.open(sealed)) as VimCredentials) : undefined;
  if (creds?.authType !== 'token') throw new NfvoError('UNPROCESSABLE', `Kubernetes VIM ${vim.name} has no bearer token stored.`);
  return { KUBE_HOST: vim.endpoint, KUBE_TOKEN: creds.token };
}

/** Whether a site is an emulated one (the embedded default's): its clusters take emulated deployments. */
export async function emulatedSite(repo: InfraRepository, siteId: string): Promise<boolean> {
  return ((await repo.store('site').get(siteId))?.doc as Site | undefined)?.labels?.emulated === 'true';
}

export async function onEmulatedSite(repo: InfraRepository, vimId: string): Promise<boolean> {
  const vim = (await repo.store('vim').get(vimId))?.doc as Vim | undefined;
  return vim ? emulatedSite(repo, vim.siteId) : false;
}

/** Which deployment a cluster takes (NFVO_IAC): `auto` = the emulation on emulated sites, Terraform elsewhere. */
export const iacFor = (iac: 'auto' | 'terraform' | 'emulated', onEmulated: boolean): 'terraform' | 'emulated' =>
  iac === 'emulated' || (iac === 'auto' && onEmulated) ? 'emulated' : 'terraform';
