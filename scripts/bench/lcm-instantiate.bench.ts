/**
 * lcm-instantiate: the instantiate plan of the complex example scaled to 20 VNFs and 10 microservices on two
 * sites, run by the plan runner through the real OpenStack adapter against two emulated sites with 200 ms
 * on every API call, journaling into PostgreSQL as the service does. Baseline: the plan's critical path,
 * the longest chain of dependent steps weighted by how long each step itself took in this run (the least
 * any scheduler could do with these steps); the ratio shows what scheduling and journaling add.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { EmulatedClusterIac } from '../../src/adapters/terraform/emulated-cluster-iac';
import { OpenStackEmulator } from '../../src/adapters/emulated/openstack/openstack-emulator';
import { EmulatedSiteSwitches } from '../../src/adapters/emulated/switch/emulated-site-switches';
import { ChainProgrammer } from '../../src/lifecycle/chains/chain-programmer';
import { OpenStackVim } from '../../src/adapters/openstack/openstack-vim';
import { runPlan } from '../../src/lifecycle/engine/plan-runner';
import { PortStepExecutor } from '../../src/lifecycle/engine/port-step-executor';
import { buildInstantiatePlan } from '../../src/lifecycle/plan/build-instantiate-plan';
import type { Plan } from '../../src/lifecycle/plan/plan.model';
import { Database } from '../../src/persistence/database';
import { DatabaseLcmRunStore } from '../../src/persistence/lcm-run.store';
import type { Benchmark, BenchContext } from './bench.types';
import { label, millis, ratio, verdict } from './bench-line';
import { scaledComplexService } from './scaled-service';
import { openScratch } from './scratch-schema';

const NAME = 'lcm-instantiate';
const LATENCY_MS = 200;
const TARGET_RATIO = 1.15;

export const benchmark: Benchmark = { name: NAME, run };

/** Longest path through the DAG, each step weighted by its own measured duration. */
function criticalPath(plan: Plan, durations: Map<string, number>): number {
  const memo = new Map<string, number>();
  const finish = (id: string): number => {
    if (!memo.has(id)) {
      const s = plan.steps.find((x) => x.id === id)!;
      memo.set(id, (durations.get(id) ?? 0) + Math.max(0, ...s.dependsOn.map(finish)));
    }
    return memo.get(id)!;
  };
  return Math.max(...plan.steps.map((s) => finish(s.id)));
}

async function run(ctx: BenchContext): Promise<void> {
  const scratch = await openScratch(ctx, NAME);
  if (!scratch) return;
  const db = await Database.open({ databaseUrl: scratch.databaseUrl, dataDir: '', schema: scratch.schema });
  ctx.defer('close the database', () => db.close());
  const emus: Record<string, OpenStackEmulator> = {};
  for (const s of ['site-a', 'site-b']) {
    emus[s] = await OpenStackEmulator.start({ latencyMs: LATENCY_MS, buildMs: 0, deleteMs: 0, images: [{ name: 'bench-image' }], quotas: { instances: 1000, cores: 10000, ramMiB: 10_000_000 }, hosts: [{ name: 'big', vcpus: 10000, memoryMiB: 10_000_000 }] });
    ctx.defer(`stop the ${s} emulator`, () => emus[s].close());
  }
  const nsInstanceId = randomUUID();
  const input = scaledComplexService(nsInstanceId, 20, 10);
  const plan = buildInstantiatePlan(input);
  const vimOf = (vimId: string) => emus[vimId.startsWith('site-a') ? 'site-a' : 'site-b'];
  const ports = new Map(['site-a-openstack', 'site-b-openstack'].map((v) => [v, new OpenStackVim({ endpoint: vimOf(v).url, project: 'admin', region: vimOf(v).region }, { authType: 'password', username: 'admin', password: 'secret' })]));
  const vims = { forVim: async (id: string) => ports.get(id)! };
  const occId = randomUUID();
  await db.dataSource.query(`INSERT INTO ns_lcm_op_occ (id, doc) VALUES ($1, $2::jsonb)`, [occId, JSON.stringify({ id: occId, nsInstanceId, operationState: 'PROCESSING' })]);
  const runs = new DatabaseLcmRunStore(db);
  const exec = new PortStepExecutor({ nsInstanceId, nsLcmOpOccId: occId }, { vims, iac: new EmulatedClusterIac(), switches: new ChainProgrammer(new EmulatedSiteSwitches([{ type: 'vxlan', siteA: 'site-a', siteB: 'site-b', endpointA: '192.0.2.1', endpointB: '192.0.2.2' }])) });
  ctx.print(`${label(NAME, 'setup')}${input.functions.length} functions (20 VNFs, 10 microservices), ${plan.steps.length} steps, ${LATENCY_MS} ms on every emulated OpenStack call, journal in PostgreSQL`);

  const started = performance.now();
  const result = await runPlan(plan, runs.journal(occId), exec, 'forward', { concurrency: 64, attempts: 3, backoffMs: 100, stopRequested: () => 'none' });
  const wall = performance.now() - started;
  const records = await runs.journal(occId).load();
  const durations = new Map([...records.values()].map((r) => [r.stepId, Date.parse(r.endedAt ?? '') - Date.parse(r.startedAt ?? '')]));
  const cp = criticalPath(plan, durations);
  const r = wall / cp;
  ctx.print(
    `${label(NAME, '200ms-per-call')}ratio ${ratio(wall, cp)} to critical path (target <= ${TARGET_RATIO}: ${verdict(r <= TARGET_RATIO)}) | wall ${millis(wall)}, critical path ${millis(cp)}, ` +
      `orchestration overhead ${millis(wall - cp)} | outcome ${result.outcome}${result.outcome === 'failed' ? ` (${result.error.detail})` : ''} | ${[...ports.values()].reduce((n, p) => n + p.session.logins, 0)} Keystone logins`,
  );
}
