import { createHash } from 'node:crypto';
import { webContent } from '../emulated/openstack/glance-images.routes';
import { zedMl2Extensions } from '../emulated/openstack/neutron-extensions';
import type { OpenStackEmulator } from '../emulated/openstack/openstack-emulator';
import type { OpenStackVim } from './openstack-vim';
import { emulatedVim, owner } from './openstack-vim.fixture';

/**
 * What only the emulator can show: how many calls the adapter makes, and a cloud unlike the default
 * Zed (with `tag-creation`). The VimPort behaviour itself is the contract suite's
 * (test/contract/openstack-vim.contract-spec.ts), run against the emulator and a real OpenStack.
 */
describe('OpenStack adapter against the emulator', () => {
  let emu: OpenStackEmulator;
  let vim: OpenStackVim;
  afterEach(() => emu.close());

  it('on a default Zed tags each resource right after its create, and asks for the extensions once', async () => {
    ({ emu, vim } = await emulatedVim());
    const { networkId } = await vim.ensureNetwork(owner, { name: 'nfvo-6fc3539c-a', cidr: '10.1.0.0/24', portSecurity: true });
    await vim.ensurePort(owner, { name: 'nfvo-6fc3539c-p', networkId, portSecurity: true });
    await vim.ensureSecurityGroup(owner, { name: 'nfvo-6fc3539c-sg', rules: [] });
    expect(emu.faults.calls('neutron.extensions.list')).toBe(1);
    expect(emu.faults.calls('neutron.tags.replace')).toBe(4); // network, subnet, port, group
  });

  it('where the cloud has tag-creation, tags go in the create and no tag call follows', async () => {
    ({ emu, vim } = await emulatedVim({ extensions: [...zedMl2Extensions, 'tag-creation'] }));
    const { networkId } = await vim.ensureNetwork(owner, { name: 'nfvo-6fc3539c-a', cidr: '10.1.0.0/24', portSecurity: true });
    expect(emu.faults.calls('neutron.tags.replace')).toBe(0);
    expect(emu.inventory().networks.find((n) => n.id === networkId)?.tags).toEqual([`nfvo-ns:${owner.nsInstanceId}`, `nfvo-op:${owner.nsLcmOpOccId}`]);
  });

  it('a tag call that fails after the create is retried by adopting the untagged resource, not by a second create', async () => {
    ({ emu, vim } = await emulatedVim());
    emu.faults.failNext('neutron.tags.replace', 1, 500);
    await vim.ensureNetwork(owner, { name: 'nfvo-6fc3539c-a', cidr: '10.1.0.0/24', portSecurity: true });
    expect(emu.faults.calls('neutron.networks.create')).toBe(1);
    expect(emu.inventory().networks).toEqual([expect.objectContaining({ tags: [`nfvo-ns:${owner.nsInstanceId}`, `nfvo-op:${owner.nsLcmOpOccId}`] })]);
  });

  it('registers an image from a URL once, and drops one whose checksum differs from the descriptor\'s', async () => {
    ({ emu, vim } = await emulatedVim());
    const url = 'https://images.example.net/fw-1.2.qcow2';
    const md5 = createHash('md5').update(webContent(url)).digest('hex');
    const imported = await vim.ensureImage({ name: 'fw-1.2', checksum: md5, url });
    expect(await vim.ensureImage({ name: 'fw-1.2', checksum: md5, url })).toBe(imported);
    expect(emu.inventory().images.filter((i) => i.name === 'fw-1.2')).toEqual([expect.objectContaining({ status: 'active', checksum: md5 })]);
    await expect(vim.ensureImage({ name: 'lb-2.0', checksum: 'a'.repeat(32), url: 'https://images.example.net/lb.qcow2' })).rejects.toMatchObject({ kind: 'BAD_REQUEST', vimMessage: expect.stringContaining('checksum') });
    expect(emu.inventory().images.some((i) => i.name === 'lb-2.0')).toBe(false);
  });

  it('builds many servers with one lookup and shared polling, and creates nothing on a re-run', async () => {
    ({ emu, vim } = await emulatedVim());
    const image = emu.inventory().images[0].id;
    const specs = Array.from({ length: 6 }, (_, i) => ({ name: `nfvo-6fc3539c-web-${i}`, flavorId: '1', imageId: image, portIds: [] }));
    const before = { list: emu.faults.calls('nova.servers.list'), get: emu.faults.calls('nova.servers.get') };
    const built = await vim.ensureServers(owner, specs);
    expect(emu.faults.calls('nova.servers.create')).toBe(6);
    expect(emu.faults.calls('nova.servers.get')).toBe(before.get); // status comes from the shared list, not one GET per server
    expect(emu.faults.calls('nova.servers.list') - before.list).toBeLessThan(6);
    expect(await vim.ensureServers(owner, specs)).toEqual(built);
    expect(emu.faults.calls('nova.servers.create')).toBe(6);
  });
});
