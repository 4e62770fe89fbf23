/**
 * openstack-servers: the OpenStack adapter builds 100 servers (ensureServers: one lookup, creates with
 * bounded concurrency, shared status polling until all are ACTIVE) against one emulated site with 50 ms
 * injected on every API call. Their ports exist beforehand (set up, not timed). Baseline: the issue's ideal,
 * latency x ceil(100 / concurrency), from the same injected latency; the lookup before and the status read
 * after are two more latencies on the critical path. Also prints how many Keystone token requests were made
 * (one for the whole run, not one per server), and, for comparison, the same servers built one ensureServer
 * call each (lookup, create and status reads per server).
 */
import { performance } from 'node:perf_hooks';
import { OpenStackEmulator } from '../../src/adapters/emulated/openstack/openstack-emulator';
import { OpenStackVim, defaultOpenStackVimOptions } from '../../src/adapters/openstack/openstack-vim';
import type { Benchmark, BenchContext } from './bench.types';
import { label, millis, ratio, verdict } from './bench-line';

const NAME = 'openstack-servers';
const SERVERS = 100;
const LATENCY_MS = 50;

export const benchmark: Benchmark = { name: NAME, run };

async function pool<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) await task(next++);
  }));
}

async function once(ctx: BenchContext, concurrency: number, batched: boolean): Promise<void> {
  const emu = await OpenStackEmulator.start({ latencyMs: LATENCY_MS, buildMs: 0, deleteMs: 0, quotas: { instances: 1000, cores: 10000, ramMiB: 100_000_000 }, hosts: [{ name: 'big', vcpus: 10000, memoryMiB: 100_000_000 }] });
  try {
    const vim = new OpenStackVim({ endpoint: emu.url, project: 'admin', region: emu.region }, { authType: 'password', username: 'admin', password: 'secret' }, {
      ...defaultOpenStackVimOptions, maxSockets: concurrency * 2, createConcurrency: concurrency, poll: { initialMs: 10, maxMs: 200, timeoutMs: 60_000 },
    });
    const owner = { nsInstanceId: 'bench', nsLcmOpOccId: 'bench-op' };
    const setup = await vim.ensureNetwork(owner, { name: 'bench', cidr: '10.0.0.0/20', portSecurity: true });
    const image = emu.inventory().images[0].id;
    const ports: string[] = [];
    await pool(SERVERS, concurrency, async (i) => void (ports[i] = (await vim.ensurePort(owner, { name: `p-${i}`, networkId: setup.networkId, portSecurity: true })).portId));
    const specs = ports.map((portId, i) => ({ name: `nfvo-bench-s-${String(i).padStart(3, '0')}`, flavorId: '1', imageId: image, portIds: [portId] }));
    const callsBefore = totalCalls(emu);
    const started = performance.now();
    if (batched) await vim.ensureServers(owner, specs);
    else await pool(SERVERS, concurrency, (i) => vim.ensureServer(owner, specs[i]));
    const wall = performance.now() - started;
    const ideal = LATENCY_MS * Math.ceil(SERVERS / concurrency);
    const active = emu.inventory().servers.filter((s) => s.status === 'ACTIVE').length;
    const tokens = emu.tokenRequests; // the whole run's, setup included
    ctx.print(
      `${label(NAME, `${batched ? 'ensureServers' : 'ensureServer-each'} c${concurrency}`)}ratio ${ratio(wall, ideal)} to latency x ceil(${SERVERS}/${concurrency}) (${millis(ideal)}) | ` +
        `wall ${millis(wall)} for ${active}/${SERVERS} ACTIVE | ${totalCalls(emu) - callsBefore} API calls | Keystone token requests ${tokens} (target 1: ${verdict(tokens === 1)})`,
    );
  } finally {
    await emu.close();
  }
}

const totalCalls = (emu: OpenStackEmulator): number => emu.operations().reduce((sum, op) => sum + emu.faults.calls(op), 0);

async function run(ctx: BenchContext): Promise<void> {
  ctx.print(`${label(NAME, 'setup')}${SERVERS} servers with a port each, ${LATENCY_MS} ms on every emulated API call, one emulated site`);
  for (const c of [10, 25]) await once(ctx, c, true);
  await once(ctx, 10, false);
}
