import { login } from './emulator-test-client';
import { OpenStackEmulator } from './openstack-emulator';

describe('emulated Neutron ports', () => {
  let emu: OpenStackEmulator;
  beforeEach(async () => { emu = await OpenStackEmulator.start(); });
  afterEach(() => emu.close());

  it('allocates fixed IPs from the subnet, generates fa:16:3e MACs and refuses a duplicate IP with 409', async () => {
    const { call } = await login(emu);
    const net = (await call('network', '/networks', { body: { network: { name: 'data', port_security_enabled: false } } })).json.network;
    const subnet = (await call('network', '/subnets', { body: { subnet: { network_id: net.id, cidr: '192.168.5.0/29', ip_version: 4 } } })).json.subnet;
    expect(subnet).toEqual(expect.objectContaining({ gateway_ip: '192.168.5.1', allocation_pools: [{ start: '192.168.5.2', end: '192.168.5.6' }] }));
    const a = (await call('network', '/ports', { body: { port: { network_id: net.id, name: 'a' } } })).json.port;
    expect(a).toEqual(expect.objectContaining({ fixed_ips: [{ subnet_id: subnet.id, ip_address: '192.168.5.2' }], port_security_enabled: false, status: 'DOWN', device_id: '' }));
    expect(a.mac_address).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
    const b = await call('network', '/ports', { body: { port: { network_id: net.id, name: 'b', mac_address: 'fa:16:3e:00:00:01', port_security_enabled: true, fixed_ips: [{ ip_address: '192.168.5.5' }] } } });
    expect(b.status).toBe(201);
    expect(b.json.port).toEqual(expect.objectContaining({ mac_address: 'fa:16:3e:00:00:01', port_security_enabled: true }));
    const dup = await call('network', '/ports', { body: { port: { network_id: net.id, fixed_ips: [{ subnet_id: subnet.id, ip_address: '192.168.5.5' }] } } });
    expect(dup).toEqual({ status: 409, json: { NeutronError: { type: 'IpAddressAlreadyAllocated', message: `IP address 192.168.5.5 already allocated in subnet ${subnet.id}`, detail: '' } } });
    expect((await call('network', '/ports', { body: { port: { network_id: net.id, fixed_ips: [{ ip_address: '10.0.0.1' }] } } })).status).toBe(400);
  });

  it('filters lists by name, answers NeutronError 404 and 409 NetworkInUse', async () => {
    const { call } = await login(emu);
    const net = (await call('network', '/networks', { body: { network: { name: 'left' } } })).json.network;
    await call('network', '/networks', { body: { network: { name: 'right' } } });
    expect((await call('network', '/networks?name=left')).json.networks.map((n: { id: string }) => n.id)).toEqual([net.id]);
    const port = (await call('network', '/ports', { body: { port: { network_id: net.id, name: 'p' } } })).json.port;
    expect((await call('network', `/networks/${net.id}`, { method: 'DELETE' })).json.NeutronError.type).toBe('NetworkInUse');
    expect((await call('network', `/ports/${port.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call('network', `/ports/${port.id}`)).json.NeutronError).toEqual({ type: 'PortNotFound', message: `Port ${port.id} could not be found.`, detail: '' });
    expect((await call('network', `/networks/${net.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call('image', '/images?name=ubuntu-22.04-server')).json.images).toHaveLength(1);
    expect((await call('image', '/images', { body: { name: 'vnf-img', disk_format: 'qcow2', container_format: 'bare' } })).json.status).toBe('queued');
  });
});
