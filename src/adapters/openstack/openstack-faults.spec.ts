import { createServer } from 'node:net';
import type { OpenStackEmulator } from '../emulated/openstack/openstack-emulator';
import { OpenStackVim } from './openstack-vim';
import { emulatedVim, fast, owner } from './openstack-vim.fixture';

const password = { authType: 'password' as const, username: 'admin', password: 'secret' };

describe('OpenStack adapter under faults', () => {
  let emu: OpenStackEmulator;
  let vim: OpenStackVim;
  beforeEach(async () => ({ emu, vim } = await emulatedVim({ hosts: [{ name: 'c1', vcpus: 2, memoryMiB: 4096 }, { name: 'c2', vcpus: 2, memoryMiB: 4096 }], quotas: { cores: 3 } }, { callTimeoutMs: 300 })));
  afterEach(() => emu.close());

  const image = () => emu.inventory().images[0].id;
  const net = () => vim.ensureNetwork(owner, { name: 'n', cidr: '10.0.0.0/24', portSecurity: true });

  it('an unreachable VIM is UNREACHABLE and retryable', async () => {
    const closed = await new Promise<number>((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); }); });
    const gone = new OpenStackVim({ endpoint: `http://127.0.0.1:${closed}/identity/v3`, project: 'admin' }, password, fast);
    await expect(gone.capacity()).rejects.toMatchObject({ kind: 'UNREACHABLE', retryable: true, operation: 'keystone.tokens.create', vimMessage: expect.stringContaining('ECONNREFUSED') });
  });

  it('a call that hangs times out; a burst of 5xx or broken answers is ridden out', async () => {
    emu.faults.hang('nova.limits.get', 3);
    await expect(vim.capacity()).rejects.toMatchObject({ kind: 'TIMEOUT', retryable: true, vimMessage: 'no answer within 300 ms' });
    // Three attempts: the first loses its connection, the second meets a 503, the third goes through.
    emu.faults.break('neutron.networks.list', 'reset', 1).failNext('neutron.networks.create', 1, 503);
    await expect(net()).resolves.toMatchObject({ networkId: expect.any(String) });
    expect([emu.faults.injected('neutron.networks.list'), emu.faults.injected('neutron.networks.create')]).toEqual([1, 1]);
    emu.faults.break('nova.limits.get', 'malformed', 2);
    await expect(vim.capacity()).resolves.toMatchObject({ instances: { used: 0 } });
    expect(emu.faults.injected('nova.limits.get')).toBe(5); // three hangs before, two broken answers now
    expect(emu.inventory().networks).toHaveLength(1);
  });

  it('a fault that outlasts the retries carries the VIM\'s message', async () => {
    emu.faults.failNext('neutron.networks.create', 5, 500);
    await expect(net()).rejects.toMatchObject({ kind: 'SERVER_ERROR', retryable: true, status: 500, vimMessage: 'Injected fault on neutron.networks.create.' });
    emu.faults.reset();
    emu.faults.break('nova.limits.get', 'malformed', 5);
    await expect(vim.capacity()).rejects.toMatchObject({ kind: 'MALFORMED_RESPONSE', retryable: true });
  });

  it('bad input is final, with Neutron\'s reason', async () => {
    const { networkId } = await net();
    await expect(vim.ensurePort(owner, { name: 'p', networkId, fixedIp: '10.9.9.9', portSecurity: true })).rejects.toMatchObject({
      kind: 'BAD_REQUEST', retryable: false, status: 400, vimMessage: expect.stringContaining('10.9.9.9'),
    });
  });

  it('NoValidHost is typed and retryable, a quota refusal is final until something is freed; a server left in ERROR is replaced on the next run', async () => {
    const { networkId } = await net();
    const group = await vim.ensureServerGroup(owner, 'g', 'anti-affinity');
    const server = async (i: number, flavorId = '1') => {
      const { portId } = await vim.ensurePort(owner, { name: `p${i}`, networkId, portSecurity: true });
      return vim.ensureServer(owner, { name: `s${i}`, flavorId, imageId: image(), portIds: [portId], serverGroupId: group });
    };
    await server(1);
    await server(2);
    await expect(server(3)).rejects.toMatchObject({ kind: 'NO_VALID_HOST', retryable: true, vimMessage: expect.stringContaining('No valid host was found') });
    expect(emu.inventory().servers.find((s) => s.name === 's3')).toMatchObject({ status: 'ERROR' });
    await expect(vim.ensureServer(owner, { name: 's4', flavorId: '3', imageId: image(), portIds: [] })).rejects.toMatchObject({
      kind: 'QUOTA_EXCEEDED', retryable: false, status: 403, vimMessage: 'Quota exceeded for cores: Requested 2, but already used 3 of 3 cores',
    });
    await vim.removeServer(owner, 's1');
    const again = await server(3);
    expect(again.status).toBe('ACTIVE');
    expect(emu.inventory().servers.map((s) => `${s.name}:${s.status}`).sort()).toEqual(['s2:ACTIVE', 's3:ACTIVE']);
  });
});
