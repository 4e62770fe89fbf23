/**
 * lcm-throughput: the real service (its own process, PostgreSQL) instantiates the complex example on 60 NS
 * instances at once against two emulated sites with no injected latency: NS instantiations per second from
 * the first request to the last COMPLETED. Baseline, measured in the same run: the rate at which the same
 * service merely accepts those instantiate requests (202). CPU of the service and of PostgreSQL says where
 * the time went (on 2 cores, the emulators and this load generator share them too); a second, profiled pass
 * splits the service's own busy time between our code, its dependencies, and Node and V8.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { KubernetesEmulator } from '../../src/adapters/emulated/kubernetes/kubernetes-emulator';
import { OpenStackEmulator } from '../../src/adapters/emulated/openstack/openstack-emulator';
import { makePackage } from '../make-package/build-package';
import type { Benchmark, BenchContext } from './bench.types';
import { label, millis, ratio, verdict } from './bench-line';
import { cpuShares } from './cpu-profile';
import { describeCpu, readCpu } from './cpu-usage';
import { startNfvo } from './nfvo.process';
import { clientCredentialsToken } from './oauth-token';
import { openScratch } from './scratch-schema';

const NAME = 'lcm-throughput';
const INSTANCES = 60;
const TARGET_PER_S = 20;
const CLIENT = { id: 'bench', secret: randomBytes(12).toString('hex') };

export const benchmark: Benchmark = { name: NAME, run };

async function run(ctx: BenchContext): Promise<void> {
  const scratch = await openScratch(ctx, NAME);
  if (!scratch) return;
  const clouds: Record<string, OpenStackEmulator> = {};
  for (const s of ['site-a', 'site-b']) {
    clouds[s] = await OpenStackEmulator.start({ credentials: { username: 'nfvo', password: 'pw', project: 'nfvo' }, buildMs: 0, deleteMs: 0, quotas: { instances: 10_000, cores: 100_000, ramMiB: 100_000_000 }, hosts: [{ name: 'big', vcpus: 100_000, memoryMiB: 100_000_000 }] });
    ctx.defer(`stop the ${s} emulator`, () => clouds[s].close());
  }
  const k8s = await KubernetesEmulator.start('tok');
  ctx.defer('stop the Kubernetes emulator', () => k8s.close());
  const nfvoOptions = { databaseUrl: scratch.databaseUrl, schema: scratch.schema, jobsSchema: scratch.jobsSchema, client: CLIENT, secretKeyHex: randomBytes(32).toString('hex'), pageSize: 1000, env: { NFVO_EMULATED_SITES: 'off', NFVO_IAC: 'emulated' } };
  const nfvo = await startNfvo(nfvoOptions);
  ctx.defer('stop the NFVO', () => nfvo.stop().then(() => undefined));
  const token = await clientCredentialsToken(nfvo.url, CLIENT);
  const call = caller(nfvo.url, token);

  const siteIds: string[] = [];
  for (const s of ['site-a', 'site-b']) {
    const site = (await call('POST', '/nfvo/v1/sites', { name: s })).body.id;
    siteIds.push(site);
    await call('POST', '/nfvo/v1/vims', { siteId: site, name: `${s}-os`, vimType: 'openstack', endpoint: clouds[s].url, project: 'nfvo', credentials: { authType: 'password', username: 'nfvo', password: 'pw' } });
    await call('POST', '/nfvo/v1/vims', { siteId: site, name: `${s}-k8s`, vimType: 'kubernetes', endpoint: k8s.url, credentials: { authType: 'token', token: 'tok' } });
  }
  await call('POST', '/nfvo/v1/wan_links', { siteA: siteIds[0], siteB: siteIds[1], latencyMs: 10, tunnel: { type: 'vxlan', endpointA: '192.0.2.1', endpointB: '192.0.2.2' } });
  const dir = mkdtempSync(join(tmpdir(), 'nfvo-bench-pkg-'));
  await makePackage(resolve(__dirname, '../../../descriptors/examples/complex-service'), join(dir, 'complex.csar'), { format: 'csar' });
  const nsd = (await call('POST', '/nsd/v2/ns_descriptors', {})).body.id;
  await call('PUT', `/nsd/v2/ns_descriptors/${nsd}/nsd_content`, readFileSync(join(dir, 'complex.csar')), 'application/zip');
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < 300 && (await call('GET', `/nsd/v2/ns_descriptors/${nsd}`)).body.nsdOnboardingState !== 'ONBOARDED'; i++) await new Promise((r) => setTimeout(r, 100));
  ctx.print(`${label(NAME, 'setup')}${INSTANCES} NS instances of the complex example (2 VNFs, 2 microservices, 23 steps each), 0 ms injected, PostgreSQL`);

  const pids = { nfvo: nfvo.child.pid };
  const cpu0 = readCpu(pids, { postgres: 'postgres' });
  const m = await instantiateAll(call, 'b');
  const cpu1 = readCpu(pids, { postgres: 'postgres' });
  ctx.print(
    `${label(NAME, '0ms-latency')}${m.rate.toFixed(1)} instantiations/s, ratio ${ratio(m.rate, m.acceptRate)} to accepting alone (${m.acceptRate.toFixed(0)}/s) | ` +
      `target >= ${TARGET_PER_S}/s: ${verdict(m.rate >= TARGET_PER_S)} | ${m.completed}/${INSTANCES} COMPLETED in ${millis(m.totalMs)}${m.completed < INSTANCES ? `, ${INSTANCES - m.completed} not COMPLETED` : ''}`,
  );
  ctx.print(`${label(NAME, 'cpu')}${describeCpu(cpu0, cpu1)}`);

  // Where the service's time goes: the same load once more on a service that writes a CPU profile (profiling
  // slows it down, so the rate above comes from the unprofiled run).
  await nfvo.stop();
  const profDir = mkdtempSync(join(tmpdir(), 'nfvo-bench-prof-'));
  ctx.defer('remove the CPU profile', () => rmSync(profDir, { recursive: true, force: true }));
  const profiled = await startNfvo({ ...nfvoOptions, cpuProfileDir: profDir });
  ctx.defer('stop the profiled NFVO', () => profiled.stop().then(() => undefined));
  const profiledCall = caller(profiled.url, await clientCredentialsToken(profiled.url, CLIENT));
  await instantiateAll(profiledCall, 'p');
  await profiled.stop();
  const shares = cpuShares(profDir, '/dist/src/');
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  ctx.print(
    `${label(NAME, 'cpu-profile')}of the service's busy time: our code ${pct(shares.ours)}, dependencies ${pct(shares.dependencies)}, Node and V8 ${pct(shares.runtime)} | ` +
      `largest: ${shares.top.map((t) => `${t.name} ${pct(t.share)}`).join(', ')}`,
  );
}

type Call = ReturnType<typeof caller>;

function caller(url: string, token: string) {
  return async (method: string, path: string, body?: unknown, type = 'application/json') => {
    const r = await fetch(`${url}${path}`, { method, headers: { Authorization: `Bearer ${token}`, Version: '2.12.0', ...(body ? { 'Content-Type': type } : {}) }, body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, location: r.headers.get('location'), body: text ? JSON.parse(text) : undefined };
  };
}

/** Creates INSTANCES NS instances, instantiates them all at once and waits until every operation has ended. */
async function instantiateAll(call: Call, prefix: string) {
  const ids = await Promise.all(Array.from({ length: INSTANCES }, async (_, i) => (await call('POST', '/nslcm/v2/ns_instances', { nsdId: 'eu.example.nfvo:complex-edge-web:1.0', nsName: `${prefix}${i}`, nsDescription: 'bench' })).body.id as string));
  const ended = async () => (await call('GET', '/nslcm/v2/ns_lcm_op_occs?filter=(neq,operationState,PROCESSING)&fields=operationState')).body as Array<{ id: string; operationState: string }>;
  const before = new Set((await ended()).map((o) => o.id));
  const t0 = performance.now();
  const accepted = await Promise.all(ids.map((id) => call('POST', `/nslcm/v2/ns_instances/${id}/instantiate`, { nsFlavourId: 'default' })));
  const acceptMs = performance.now() - t0;
  let mine: Array<{ operationState: string }> = [];
  for (let i = 0; i < 6000 && mine.length < INSTANCES; i++) {
    mine = (await ended()).filter((o) => !before.has(o.id));
    if (mine.length < INSTANCES) await new Promise((r) => setTimeout(r, 50));
  }
  const totalMs = performance.now() - t0;
  const completed = mine.filter((o) => o.operationState === 'COMPLETED').length;
  return { totalMs, completed, rate: completed / (totalMs / 1000), acceptRate: accepted.filter((a) => a.status === 202).length / (acceptMs / 1000) };
}
