import { login } from './emulator-test-client';
import { OpenStackEmulator } from './openstack-emulator';

describe('emulator fault injection and multiple sites', () => {
  let emu: OpenStackEmulator;
  beforeEach(async () => { emu = await OpenStackEmulator.start(); });
  afterEach(() => emu.close());

  it('fails an operation N times with the service error shape, then succeeds', async () => {
    const { call } = await login(emu);
    emu.faults.failNext('nova.flavors.list', 2, 503).failNext('neutron.networks.create', 1, 500);
    expect(await call('compute', '/flavors/detail')).toEqual({ status: 503, json: { serviceUnavailable: { code: 503, message: 'Injected fault on nova.flavors.list.' } } });
    expect((await call('compute', '/flavors/detail')).status).toBe(503);
    expect((await call('compute', '/flavors/detail')).status).toBe(200);
    expect((await call('network', '/networks', { body: { network: { name: 'n' } } })).json.NeutronError.type).toBe('HTTPInternalServerError');
    expect(emu.faults.calls('nova.flavors.list')).toBe(3);
  });

  it('applies a seeded error rate reproducibly', async () => {
    const { call } = await login(emu);
    const run = async () => {
      emu.faults.errorRate(0.5, 503, 42);
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await call('image', '/images')).status);
      return out;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.filter((s) => s === 503).length).toBeGreaterThan(3);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(3);
  });

  it('adds latency globally and per operation', async () => {
    const { call } = await login(emu);
    emu.faults.latency('*', 60).latency('glance.images.list', 150);
    let t = Date.now();
    await call('compute', '/flavors/detail');
    expect(Date.now() - t).toBeGreaterThanOrEqual(55);
    t = Date.now();
    await call('image', '/images');
    expect(Date.now() - t).toBeGreaterThanOrEqual(145);
  });

  it('hangs a call until the client gives up, then answers the next', async () => {
    const { call } = await login(emu);
    emu.faults.hang('nova.servers.list', 1);
    await expect(call('compute', '/servers/detail', { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect((await call('compute', '/servers/detail')).status).toBe(200);
  });

  it('runs several instances with separate inventories', async () => {
    const other = await OpenStackEmulator.start({ region: 'SiteB' });
    try {
      const a = await login(emu);
      const b = await login(other);
      await a.call('network', '/networks', { body: { network: { name: 'only-on-a' } } });
      expect(emu.url).not.toBe(other.url);
      expect(emu.inventory().networks.map((n) => n.name)).toEqual(['only-on-a']);
      expect(other.inventory().networks).toEqual([]);
      expect((await b.call('network', '/networks')).json.networks).toEqual([]);
      // A token from one site means nothing to the other.
      expect((await fetch(other.url.replace('/identity/v3', '/network/v2.0/networks'), { headers: { 'X-Auth-Token': a.token } })).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
