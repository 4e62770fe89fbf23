import { createHash } from 'node:crypto';
import { webContent } from '../emulated/openstack/glance-images.routes';
import type { OpenStackEmulator } from '../emulated/openstack/openstack-emulator';
import type { OpenStackVim } from './openstack-vim';
import { emulatedVim, owner } from './openstack-vim.fixture';

describe('OpenStack adapter against the emulator', () => {
  let emu: OpenStackEmulator;
  let vim: OpenStackVim;
  beforeEach(async () => ({ emu, vim } = await emulatedVim()));
  afterEach(() => emu.close());

  it('ensures networks, security groups and ports once, however often it is asked', async () => {
    const spec = { name: 'nfvo-6fc3539c-data', cidr: '10.10.0.0/24', portSecurity: false };
    const first = await vim.ensureNetwork(owner, spec);
    expect(await vim.ensureNetwork(owner, spec)).toEqual(first);
    const sg = { name: 'nfvo-6fc3539c-web', rules: [{ direction: 'ingress' as const, protocol: 'tcp' as const, portMin: 80, portMax: 80, remoteIpPrefix: '0.0.0.0/0' }] };
    const sgId = await vim.ensureSecurityGroup(owner, sg);
    expect(await vim.ensureSecurityGroup(owner, sg)).toBe(sgId);
    const port = { name: 'nfvo-6fc3539c-fw-vdu1-0-in', networkId: first.networkId, fixedIp: '10.10.0.10', macAddress: 'fa:16:3e:00:00:0a', portSecurity: false };
    const p = await vim.ensurePort(owner, port);
    expect(p).toEqual({ portId: expect.any(String), ip: '10.10.0.10', mac: 'fa:16:3e:00:00:0a' });
    expect(await vim.ensurePort(owner, port)).toEqual(p);

    const inv = emu.inventory();
    expect(inv.networks).toEqual([expect.objectContaining({ name: spec.name, port_security_enabled: false, tags: [`nfvo-ns:${owner.nsInstanceId}`, `nfvo-op:${owner.nsLcmOpOccId}`] })]);
    expect(inv.subnets).toEqual([expect.objectContaining({ cidr: '10.10.0.0/24', network_id: first.networkId })]);
    expect(inv.ports).toEqual([expect.objectContaining({ port_security_enabled: false, security_groups: [] })]);
    const rules = inv.securityGroups[0].security_group_rules.filter((r) => r.direction === 'ingress');
    expect(rules).toEqual([expect.objectContaining({ protocol: 'tcp', port_range_min: 80, port_range_max: 80, remote_ip_prefix: '0.0.0.0/0' })]);
  });

  it('another NS instance with the same resource names gets its own resources', async () => {
    const spec = { name: 'nfvo-shared-name', cidr: '10.20.0.0/24', portSecurity: true };
    const a = await vim.ensureNetwork(owner, spec);
    const b = await vim.ensureNetwork({ ...owner, nsInstanceId: 'another' }, spec);
    expect(b.networkId).not.toBe(a.networkId);
  });

  it('finds a flavor of the exact size, creates a missing one once, and finds images by checksum or registers them from a URL', async () => {
    expect(await vim.ensureFlavor({ vcpus: 1, memoryMiB: 2048, diskGiB: 20 })).toBe('2');
    const made = await vim.ensureFlavor({ vcpus: 3, memoryMiB: 3072, diskGiB: 7 });
    expect(await vim.ensureFlavor({ vcpus: 3, memoryMiB: 3072, diskGiB: 7 })).toBe(made);
    expect(emu.inventory().flavors.filter((f) => f.name === 'nfvo.c3-m3072-d7')).toHaveLength(1);

    const cirros = emu.inventory().images.find((i) => i.name.startsWith('cirros'))!;
    expect(await vim.ensureImage({ name: cirros.name, checksum: String(cirros.checksum) })).toBe(cirros.id);
    await expect(vim.ensureImage({ name: cirros.name, checksum: 'f'.repeat(32) })).rejects.toMatchObject({ kind: 'NOT_FOUND', retryable: false, vimMessage: expect.stringContaining('no URL') });

    const url = 'https://images.example.net/fw-1.2.qcow2';
    const md5 = createHash('md5').update(webContent(url)).digest('hex');
    const imported = await vim.ensureImage({ name: 'fw-1.2', checksum: md5, url });
    expect(await vim.ensureImage({ name: 'fw-1.2', checksum: md5, url })).toBe(imported);
    expect(emu.inventory().images.filter((i) => i.name === 'fw-1.2')).toEqual([expect.objectContaining({ status: 'active', checksum: md5 })]);

    await expect(vim.ensureImage({ name: 'lb-2.0', checksum: 'a'.repeat(32), url: 'https://images.example.net/lb.qcow2' })).rejects.toMatchObject({ kind: 'BAD_REQUEST', vimMessage: expect.stringContaining('checksum') });
    expect(emu.inventory().images.some((i) => i.name === 'lb-2.0')).toBe(false);
  });

  it('builds a server once, waits for ACTIVE, reports its addresses, and removes everything idempotently', async () => {
    const { networkId } = await vim.ensureNetwork(owner, { name: 'mgmt', cidr: '192.168.5.0/24', portSecurity: true });
    const { portId } = await vim.ensurePort(owner, { name: 'web-0-mgmt', networkId, portSecurity: true });
    const group = await vim.ensureServerGroup(owner, 'web-anti', 'anti-affinity');
    expect(await vim.ensureServerGroup(owner, 'web-anti', 'anti-affinity')).toBe(group);
    const spec = { name: 'nfvo-6fc3539c-web-vdu-0', flavorId: '1', imageId: emu.inventory().images[0].id, portIds: [portId], userData: '#cloud-config\n', serverGroupId: group, metadata: { BACKEND_URL: 'http://10.0.0.5:9000', nfvo_ns_instance_id: 'forged' } };
    const server = await vim.ensureServer(owner, spec);
    expect(server).toEqual({ id: expect.any(String), name: spec.name, status: 'ACTIVE', addresses: [{ networkName: 'mgmt', ip: '192.168.5.2', mac: expect.stringMatching(/^fa:16:3e/) }] });
    expect((await vim.ensureServer(owner, spec)).id).toBe(server.id);
    const stored = emu.inventory().servers;
    expect(stored).toHaveLength(1);
    // Configuration reaches the guest as metadata; the owner keys cannot be overridden by it.
    expect(stored[0]).toMatchObject({ metadata: { BACKEND_URL: 'http://10.0.0.5:9000', nfvo_ns_instance_id: owner.nsInstanceId, nfvo_ns_lcm_op_occ_id: owner.nsLcmOpOccId }, user_data: Buffer.from('#cloud-config\n').toString('base64') });
    expect(emu.inventory().serverGroups[0].members).toEqual([server.id]);
    expect(await vim.capacity()).toEqual({ vcpus: { total: 400, used: 1 }, memoryMiB: { total: 1048576, used: 512 }, instances: { total: 200, used: 1 } });

    await vim.removeServer(owner, spec.name);
    expect(emu.inventory().servers).toEqual([]);
    await vim.removeServer(owner, spec.name);
    await vim.removePort(owner, 'web-0-mgmt');
    await vim.removeServerGroup(owner, 'web-anti');
    await vim.removeNetwork(owner, 'mgmt');
    await vim.removeNetwork(owner, 'mgmt');
    const inv = emu.inventory();
    expect([inv.servers, inv.ports, inv.networks, inv.subnets, inv.serverGroups].map((l) => l.length)).toEqual([0, 0, 0, 0, 0]);
  });

  it('builds many servers with one lookup and shared polling, leaves other NS instances\' servers alone, and creates nothing on a re-run', async () => {
    const image = emu.inventory().images[0].id;
    const other = { ...owner, nsInstanceId: 'other-ns' };
    await vim.ensureServer(other, { name: 'nfvo-6fc3539c-web-0', flavorId: '1', imageId: image, portIds: [] });
    const specs = Array.from({ length: 6 }, (_, i) => ({ name: `nfvo-6fc3539c-web-${i}`, flavorId: '1', imageId: image, portIds: [] }));
    const before = { list: emu.faults.calls('nova.servers.list'), get: emu.faults.calls('nova.servers.get') };
    const built = await vim.ensureServers(owner, specs);
    expect(built.map((b) => `${b.name}:${b.status}`)).toEqual(specs.map((s) => `${s.name}:ACTIVE`));
    expect(emu.faults.calls('nova.servers.create')).toBe(7);
    expect(emu.faults.calls('nova.servers.get')).toBe(before.get); // status comes from the shared list, not one GET per server
    expect(emu.faults.calls('nova.servers.list') - before.list).toBeLessThan(6);
    expect(await vim.ensureServers(owner, specs)).toEqual(built);
    expect(emu.faults.calls('nova.servers.create')).toBe(7);
    expect(emu.inventory().servers.filter((s) => s.metadata.nfvo_ns_instance_id === 'other-ns')).toHaveLength(1);
  });
});
