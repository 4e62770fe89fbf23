import { login, waitFor } from './emulator-test-client';
import { OpenStackEmulator } from './openstack-emulator';

describe('emulated Nova servers', () => {
  let emu: OpenStackEmulator;
  beforeEach(async () => { emu = await OpenStackEmulator.start({ buildMs: 80, deleteMs: 80 }); });
  afterEach(() => emu.close());

  it('goes BUILD -> ACTIVE with bound ports, then deletes asynchronously to 404', async () => {
    const { call } = await login(emu);
    const net = (await call('network', '/networks', { body: { network: { name: 'mgmt' } } })).json.network;
    await call('network', '/subnets', { body: { subnet: { network_id: net.id, cidr: '10.1.0.0/24', ip_version: 4 } } });
    const port = (await call('network', '/ports', { body: { port: { network_id: net.id, name: 'vdu1-cp' } } })).json.port;
    const image = (await call('image', '/images?name=cirros-0.6.2-x86_64-disk')).json.images[0];
    const created = await call('compute', '/servers', { body: { server: { name: 'vdu1', flavorRef: '1', imageRef: image.id, networks: [{ port: port.id }, { uuid: net.id }], metadata: { ns: 'a' } } } });
    expect(created.status).toBe(202);
    expect(created.json.server).toEqual(expect.objectContaining({ id: expect.any(String), 'OS-DCF:diskConfig': 'MANUAL', adminPass: expect.any(String) }));
    const id = created.json.server.id;
    expect((await call('compute', `/servers/${id}`)).json.server.status).toBe('BUILD');
    await waitFor(async () => (await call('compute', `/servers/${id}`)).json.server.status === 'ACTIVE');
    const server = (await call('compute', `/servers/${id}`)).json.server;
    expect(server).toEqual(expect.objectContaining({ metadata: { ns: 'a' }, flavor: expect.objectContaining({ id: '1' }), 'OS-EXT-AZ:availability_zone': 'nova' }));
    expect(server.addresses.mgmt.map((a: { addr: string }) => a.addr)).toEqual(['10.1.0.2', '10.1.0.3']);
    const bound = (await call('network', `/ports?device_id=${id}`)).json.ports;
    expect(bound).toHaveLength(2);
    expect(bound.every((p: { status: string; device_owner: string }) => p.status === 'ACTIVE' && p.device_owner === 'compute:nova')).toBe(true);

    expect((await call('compute', `/servers/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call('compute', `/servers/${id}`)).json.server['OS-EXT-STS:task_state']).toBe('deleting');
    await waitFor(async () => (await call('compute', `/servers/${id}`)).status === 404);
    expect((await call('compute', `/servers/${id}`)).json).toEqual({ itemNotFound: { code: 404, message: `Instance ${id} could not be found.` } });
    // The port we made survives, unbound; the one Nova made for {uuid} is gone.
    expect(emu.inventory().ports).toEqual([expect.objectContaining({ id: port.id, device_id: '', status: 'DOWN' })]);
  });

  it('filters servers by name as a regex, lists and creates flavors, rejects unknown references', async () => {
    const { call } = await login(emu);
    const image = emu.inventory().images[0].id;
    for (const name of ['ns1-vdu1', 'ns1-vdu2', 'ns2-vdu1']) await call('compute', '/servers', { body: { server: { name, flavorRef: '1', imageRef: image } } });
    expect((await call('compute', '/servers/detail?name=^ns1-')).json.servers.map((s: { name: string }) => s.name).sort()).toEqual(['ns1-vdu1', 'ns1-vdu2']);
    expect((await call('compute', '/servers/detail?name=vdu1')).json.servers).toHaveLength(2);
    const flavor = await call('compute', '/flavors', { body: { flavor: { name: 'vnf.big', ram: 16384, vcpus: 8, disk: 100 } } });
    expect(flavor.status).toBe(200);
    expect((await call('compute', '/flavors/detail')).json.flavors.map((f: { name: string }) => f.name)).toContain('vnf.big');
    expect((await call('compute', '/flavors', { body: { flavor: { name: 'vnf.big', ram: 1, vcpus: 1, disk: 1 } } })).status).toBe(409);
    const bad = await call('compute', '/servers', { body: { server: { name: 'x', flavorRef: 'nope', imageRef: image } } });
    expect(bad).toEqual({ status: 400, json: { badRequest: { code: 400, message: 'Flavor nope could not be found.' } } });
  });
});
