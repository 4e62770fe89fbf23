/**
 * real-openstack: instantiate of a 6-VNF VM service on a real OpenStack control plane (the lab:
 * `scripts/provision-openstack-lab.sh`, whose member.env names it), by the NFVO as `npm start` runs it
 * (its own process, PostgreSQL, default settings), logged in as the project member. Every call to the cloud
 * goes through a recording proxy, so the baseline is the cloud's own time: the critical path of the plan
 * with each step weighted by what the cloud spent on it (servers: create to Nova's launched_at). Also the
 * NFVO's CPU time as a share of that, and the same resources created one after another by a bare client,
 * as a sequential orchestrator would. Runs only where the lab is up.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { CloudClient, accountFromEnv } from '../support/cloud-client';
import { NfvoClient } from '../support/nfvo-client';
import { sonPackage } from '../support/son-package';
import { vmServiceFiles } from '../support/vm-service';
import type { Benchmark, BenchContext } from './bench.types';
import { label, millis, ratio, verdict } from './bench-line';
import { readCpu } from './cpu-usage';
import { startNfvo } from './nfvo.process';
import { RecordingProxy } from './recording-proxy';
import { openScratch } from './scratch-schema';
import { type PlanStepView, launchTimes, vimCriticalPath } from './vim-critical-path';
import { sequentialBaseline } from './sequential-openstack';

const NAME = 'real-openstack';
const VNFS = 6;
const [TARGET_RATIO, TARGET_SHARE] = [1.15, 0.05];
const CLIENT = { id: 'bench', secret: randomBytes(16).toString('hex') };

export const benchmark: Benchmark = { name: NAME, run };

async function run(ctx: BenchContext): Promise<void> {
  const env = process.env;
  if (!env.OS_AUTH_URL || !env.NFVO_LAB_IMAGE_NAME || !env.NFVO_LAB_IMAGE_MD5) {
    ctx.print(`${NAME}: skipped: no OpenStack lab configured (OS_AUTH_URL, NFVO_LAB_IMAGE_NAME, NFVO_LAB_IMAGE_MD5 unset; source member.env of scripts/provision-openstack-lab.sh)`);
    return;
  }
  const scratch = await openScratch(ctx, NAME);
  if (!scratch) return;
  const account = accountFromEnv(env);
  const member = new CloudClient(account);
  const catalogue = (await member.login()).catalog.flatMap((e) => e.endpoints.map((x) => new URL(x.url).origin));
  const proxy = await RecordingProxy.start([new URL(account.authUrl).origin, ...catalogue]);
  ctx.defer('stop the recording proxy', () => proxy.close());
  const nfvo = await startNfvo({ databaseUrl: scratch.databaseUrl, schema: scratch.schema, jobsSchema: scratch.jobsSchema, client: CLIENT, secretKeyHex: randomBytes(32).toString('hex'), pageSize: 100, env: { NFVO_EMULATED_SITES: 'off' } });
  ctx.defer('stop the NFVO', async () => { await nfvo.stop(); });
  const api = new NfvoClient(nfvo.url, CLIENT);
  const site = (await api.call('POST', '/nfvo/v1/sites', { name: 'lab' })).body.id;
  const vim = await api.call('POST', '/nfvo/v1/vims', {
    siteId: site, name: 'lab-openstack', vimType: 'openstack', endpoint: proxy.url(account.authUrl), project: account.project, projectDomain: account.projectDomain, region: account.region,
    credentials: { authType: 'password', username: account.username, password: account.password, userDomain: account.userDomain },
  });
  if (vim.status !== 201) throw new Error(`VIM registration answered ${vim.status}: ${JSON.stringify(vim.body)}`);
  const image = { name: env.NFVO_LAB_IMAGE_NAME, md5: env.NFVO_LAB_IMAGE_MD5 };
  const nsdInfoId = await api.onboard(await sonPackage(vmServiceFiles({ count: VNFS, name: `bench-${randomBytes(3).toString('hex')}`, image })));
  const nsdId = (await api.call('GET', `/nsd/v2/ns_descriptors/${nsdInfoId}`)).body.nsdId;
  const instantiate = async () => {
    const ns = (await api.call('POST', '/nslcm/v2/ns_instances', { nsdId, nsName: 'bench', nsDescription: NAME })).body.id as string;
    ctx.defer(`terminate NS ${ns}`, async () => { await api.task(`/nslcm/v2/ns_instances/${ns}/terminate`, {}); });
    const before = readCpu({ nfvo: nfvo.child.pid });
    const t0 = performance.now();
    const occ = await api.task(`/nslcm/v2/ns_instances/${ns}/instantiate`, { nsFlavourId: 'default' });
    const wall = performance.now() - t0;
    const cpu = (readCpu({ nfvo: nfvo.child.pid }).processes.nfvo ?? NaN) - (before.processes.nfvo ?? NaN);
    if (occ.operationState !== 'COMPLETED') throw new Error(`instantiate ended ${occ.operationState}: ${JSON.stringify(occ.error)}`);
    return { occ, wall, cpuMs: cpu * 1000 };
  };
  // The first boots after the cloud started are slow (its caches are cold): one run to warm it, not measured.
  await instantiate();
  proxy.calls.length = 0;
  const { occ, wall, cpuMs } = await instantiate();
  const steps = (await api.call('GET', `/nfvo/v1/ns_lcm_op_occs/${occ.id}/plan`)).body.steps as PlanStepView[];
  const calls = [...proxy.calls];
  const cp = vimCriticalPath(steps, calls, launchTimes(calls));
  const r = wall / cp.criticalMs;
  const share = cpuMs / cp.criticalMs;
  ctx.print(`${label(NAME, 'setup')}${VNFS} VNFs (1 vCPU, 512 MiB each) on one member project, ${steps.length} steps, ${calls.length} calls to the cloud, load average ${(await import('node:os')).loadavg()[0].toFixed(2)}`);
  ctx.print(`${label(NAME, 'instantiate')}ratio ${ratio(wall, cp.criticalMs)} to the cloud's critical path (target <= ${TARGET_RATIO}: ${verdict(r <= TARGET_RATIO)}) | wall ${millis(wall)} (202 to COMPLETED) | critical path ${millis(cp.criticalMs)} (login and limits ${millis(cp.prefixMs)}) | cloud busy ${millis(cp.busyMs)}`);
  ctx.print(`${label(NAME, 'overhead')}NFVO CPU ${millis(cpuMs)} = ${(share * 100).toFixed(1)} % of the critical path (target < ${TARGET_SHARE * 100} %: ${verdict(share < TARGET_SHARE)}) | waiting not on the cloud ${millis(wall - cp.criticalMs)}`);
  const seq = await sequentialBaseline(member, VNFS, image.name, `bench-seq-${randomBytes(3).toString('hex')}`);
  ctx.print(`${label(NAME, 'vs-sequential')}ratio ${ratio(seq.wallMs, wall)} (one after another / the NFVO) | sequential ${millis(seq.wallMs)} for the same ${seq.resources} resources by a bare client, each server waited ACTIVE before the next | NFVO ${millis(wall)}`);
}
