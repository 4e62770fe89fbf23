import { OpenStackEmulator, type OpenStackEmulatorOptions } from '../emulated/openstack/openstack-emulator';
import type { VimCredentials } from '../../infra/infra.model';
import type { ResourceOwner } from '../../lifecycle/ports/vim.port';
import { OpenStackVim, type OpenStackVimOptions, defaultOpenStackVimOptions } from './openstack-vim';

export const owner: ResourceOwner = { nsInstanceId: '6fc3539c-e602-4afa-8e13-962fb5a7d81f', nsLcmOpOccId: 'a9c1f3e0-0b7e-4c55-9d8e-2f9b3f0c1d11' };
export const fast: OpenStackVimOptions = { ...defaultOpenStackVimOptions, callTimeoutMs: 2_000, poll: { initialMs: 10, maxMs: 50, timeoutMs: 3_000 }, retryBaseMs: 5 };

/** An emulated site and an adapter logged in to it with its admin password. */
export async function emulatedVim(o: OpenStackEmulatorOptions = {}, adapter: Partial<OpenStackVimOptions> = {}, credentials?: VimCredentials) {
  const emu = await OpenStackEmulator.start({ buildMs: 20, deleteMs: 20, ...o });
  const vim = new OpenStackVim(
    { endpoint: emu.url, project: 'admin', region: emu.region },
    credentials ?? { authType: 'password', username: 'admin', password: 'secret' },
    { ...fast, ...adapter },
  );
  return { emu, vim };
}
