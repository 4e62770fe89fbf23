import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { dropSchemas, testDatabaseUrl, uniqueSchema } from '../../../test/support/test-database';
import { complexStack } from './stack-fixture';
import { synthesizeStack } from './synthesize-stack';
import { TerraformError } from './terraform-error';
import { TerraformRunner, terraformPgConnStr } from './terraform-runner';

/**
 * The runner against a real Terraform with its state in the real PostgreSQL (pg backend). Only built-in
 * resources are used (terraform_data, a local-exec provisioner in the stacks written here), so nothing is
 * downloaded. Skipped, saying why, without terraform on PATH or without PostgreSQL (DATABASE_URL).
 */
const bin = process.env.NFVO_TERRAFORM_BIN ?? 'terraform';
const databaseUrl = testDatabaseUrl();
const why = spawnSync(bin, ['version'], { stdio: 'ignore' }).status !== 0 ? `${bin} is not on PATH` : !databaseUrl ? 'the pg state backend needs PostgreSQL (DATABASE_URL)' : undefined;
if (why) console.log(`skipped: ${why}`);
const describeTf = why ? describe.skip : describe;

type Json = Record<string, any>;

describeTf('TerraformRunner (real terraform, state in PostgreSQL)', () => {
  const schema = uniqueSchema('tfstate');
  let work: string;
  let runner: TerraformRunner;
  const states = async (): Promise<string[]> => {
    const c = new Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      return (await c.query(`SELECT name FROM ${schema}.states ORDER BY name`)).rows.map((r) => r.name as string);
    } finally {
      await c.end();
    }
  };
  /** A stack of one terraform_data whose provisioner runs `command` (a fixed test script, never descriptor text). */
  const scripted = (command: string, extra: Json = {}): Json => ({ resource: { terraform_data: { step: { input: 1, provisioner: [{ 'local-exec': { command } }], ...extra } } } });

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'nfvo-tfrun-'));
    runner = new TerraformRunner({ bin, workRoot: work, pgConnStr: terraformPgConnStr(databaseUrl!), schema, timeoutMs: 60_000 });
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    if (databaseUrl) await dropSchemas(databaseUrl, [schema]);
  });

  it('applies a synthesized stack with its state in PostgreSQL, is idempotent, sees a changed stack, and destroys it with its state', async () => {
    const stack = complexStack('test');
    const run = { workspace: 'ns-6fc3539c-vim-0b7c5e2a', json: synthesizeStack(stack).json };
    const first = await runner.apply(run);
    expect(first.changes).toEqual({ add: 2, change: 0, remove: 0, import: 0, operation: 'apply' });
    expect(first.outputs).toEqual({
      endpoint_backend_api: 'http://backend-api.nfvo-6fc3539c-e602-4afa-8e13-962fb5a7d81f:9000',
      endpoint_frontend_http: 'http://frontend-http.nfvo-6fc3539c-e602-4afa-8e13-962fb5a7d81f:80',
    });
    expect(await states()).toEqual([run.workspace]);
    expect((await runner.apply(run)).changes).toMatchObject({ add: 0, change: 0, remove: 0 });
    expect(await runner.plan(run)).toEqual({ changed: false, resources: [] });

    stack.functions[1].units[0].replicas = 3;
    const scaled = { ...run, json: synthesizeStack(stack).json };
    expect(await runner.plan(scaled)).toEqual({ changed: true, resources: [{ address: 'terraform_data.unit-backend-api', action: 'update' }] });
    expect((await runner.apply(scaled)).changes).toMatchObject({ add: 0, change: 1, remove: 0 });
    // Heal: the affected unit is created anew.
    expect((await runner.apply({ ...scaled, replace: ['terraform_data.unit-backend-api'] })).changes).toMatchObject({ add: 1, remove: 1 });

    await runner.destroy(scaled);
    expect(await states()).toEqual([]);
    await runner.destroy(scaled); // nothing left: still fine
  });

  it('fails with Terraform\'s own diagnostic when a precondition does not hold', async () => {
    const json = { locals: { allowed: 4 }, resource: { terraform_data: { quota: { input: 5, lifecycle: { precondition: [{ condition: '${5 <= local.allowed}', error_message: 'The stack asks for 5 replicas; the cluster allows 4.' }] } } } } };
    const err = await runner.apply({ workspace: 'precondition', json }).catch((e) => e);
    expect(err).toBeInstanceOf(TerraformError);
    expect([err.kind, err.retryable]).toEqual(['DIAGNOSTIC', false]);
    expect(err.message).toMatch(/^terraform apply: Resource precondition failed: .*The stack asks for 5 replicas; the cluster allows 4\./);
  });

  it('stops Terraform at its deadline or when cancelled, and the state lock is free again afterwards', async () => {
    const slow = new TerraformRunner({ bin, workRoot: work, pgConnStr: terraformPgConnStr(databaseUrl!), schema, timeoutMs: 3_000 });
    const timedOut = await slow.apply({ workspace: 'slow', json: scripted('sleep 30') }).catch((e) => e);
    expect([timedOut.kind, timedOut.retryable]).toEqual(['TIMEOUT', true]);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 1500);
    const cancelled = await runner.apply({ workspace: 'slow', json: scripted('sleep 30 # again'), signal: abort.signal }).catch((e) => e);
    expect(cancelled.kind).toBe('CANCELLED');
    expect((await runner.apply({ workspace: 'slow', json: scripted('true') })).changes.add).toBe(1);
    await runner.destroy({ workspace: 'slow', json: scripted('true') });
  }, 90_000);

  it('gives Terraform none of the service\'s own environment, only the stack\'s provider settings', async () => {
    process.env.NFVO_SECRET_KEY_PROBE = 'must-not-leak';
    const out = join(work, 'env.txt');
    try {
      await runner.apply({ workspace: 'env', json: scripted(`env > ${out}`), env: { KUBE_HOST: 'https://cluster.example:6443' } });
    } finally {
      delete process.env.NFVO_SECRET_KEY_PROBE;
    }
    const seen = readFileSync(out, 'utf8');
    expect(seen).toContain('KUBE_HOST=https://cluster.example:6443');
    expect(seen).not.toContain('must-not-leak');
    expect(seen).not.toMatch(/^DATABASE_URL=/m);
    await runner.destroy({ workspace: 'env', json: scripted('true') });
  });

  it('says so when the binary is missing', async () => {
    const missing = new TerraformRunner({ bin: join(work, 'no-terraform'), workRoot: work, pgConnStr: 'x', schema, timeoutMs: 1000 });
    await expect(missing.apply({ workspace: 'x', json: {} })).rejects.toMatchObject({ kind: 'NOT_INSTALLED' });
  });
});
