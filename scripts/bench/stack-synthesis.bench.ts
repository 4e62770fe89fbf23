/**
 * stack-synthesis: the Terraform stack of N microservices (one container unit and one Service each) built
 * with cdktf in process, for N = 1, 10 and 100. Synthesis should grow linearly: the line for 100 gives the
 * time per microservice against the time per microservice at 10 (ideal 1.0). With `terraform` on PATH, the
 * 10-service stack for the `test` target (built-in terraform_data) is applied for real and timed against
 * `terraform version`, the bare start-up of the binary, measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ClusterStack } from '../../src/adapters/terraform/cluster-stack';
import { synthesizeStack } from '../../src/adapters/terraform/synthesize-stack';
import type { Benchmark, BenchContext } from './bench.types';
import { label, millis, ratio } from './bench-line';
import { stat, turn } from './run-stats';

const NAME = 'stack-synthesis';
const RUNS = 7;

export const benchmark: Benchmark = { name: NAME, run };

function stack(n: number, target: ClusterStack['target']): ClusterStack {
  return {
    nsInstanceId: '6fc3539c-e602-4afa-8e13-962fb5a7d81f', nsLcmOpOccId: 'a1b2c3d4-0000-4000-8000-000000000000', vimId: '0b7c5e2a-3d4f-4a6b-9c8d-7e6f5a4b3c2d', target,
    functions: Array.from({ length: n }, (_, i) => ({
      functionId: `svc-${i}`,
      units: [{ id: 'app', image: `registry.example.net/bench/svc-${i}:1.0`, replicas: 2, ports: [{ name: 'http', port: 8080, protocol: 'TCP' as const, serviceType: 'ClusterIP' as const }], env: { INDEX: String(i), LOG_LEVEL: 'info' }, resources: { cpu: 0.5, memoryMiB: 256 }, probes: { readiness: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 5 } } }],
      endpoints: [{ id: 'http', port: 8080 }],
      inject: (i > 0 ? { UPSTREAM: `http://svc-${i - 1}-http:8080` } : {}) as Record<string, string>,
    })),
  };
}

async function timed(n: number): Promise<number[]> {
  synthesizeStack(stack(n, 'kubernetes')); // warm-up
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    synthesizeStack(stack(n, 'kubernetes'));
    ms.push(performance.now() - t0);
    await turn();
  }
  return ms;
}

async function run(ctx: BenchContext): Promise<void> {
  const per: Record<number, number> = {};
  for (const n of [1, 10, 100]) {
    const s = stat(await timed(n));
    per[n] = s.median / n;
    const growth = n === 100 ? ` | per microservice ${per[100].toFixed(2)} ms, ratio ${ratio(per[100], per[10])} to the per-microservice time at 10 (linear = 1.0)` : '';
    ctx.print(`${label(NAME, `synth ${n}`)}median ${millis(s.median)}, max ${millis(s.max)} (${n} Deployments + ${n} Services, kubernetes target)${growth}`);
  }

  const terraform = process.env.NFVO_TERRAFORM_BIN ?? 'terraform';
  const env = { ...process.env, TF_CLI_CONFIG_FILE: '', TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
  const time = (args: string[], cwd: string) => {
    const t0 = performance.now();
    const r = spawnSync(terraform, args, { cwd, env, stdio: 'ignore' });
    return { ms: performance.now() - t0, ok: r.status === 0 };
  };
  if (spawnSync(terraform, ['version'], { stdio: 'ignore' }).status !== 0) {
    ctx.print(`${label(NAME, 'apply')}skipped: ${terraform} is not on PATH`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'nfvo-bench-tf-'));
  ctx.defer('remove the Terraform working directory', () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(synthesizeStack(stack(10, 'test')).json));
  const bare = stat([0, 1, 2].map(() => time(['version'], dir).ms));
  const init = time(['init', '-input=false', '-no-color'], dir);
  const apply = time(['apply', '-auto-approve', '-input=false', '-no-color'], dir);
  const again = time(['apply', '-auto-approve', '-input=false', '-no-color'], dir);
  time(['destroy', '-auto-approve', '-input=false', '-no-color'], dir);
  ctx.print(
    `${label(NAME, 'apply 10 test')}apply ${millis(apply.ms)}${apply.ok ? '' : ' (FAILED)'}, ratio ${ratio(apply.ms, bare.median)} to terraform version (${millis(bare.median)}) | ` +
      `init ${millis(init.ms)}, apply again (no changes) ${millis(again.ms)}; local state here (the runner keeps state in PostgreSQL)`,
  );
}
