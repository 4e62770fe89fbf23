import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CliRun, diagnostics, runTerraform } from './terraform-cli';
import { TerraformError } from './terraform-error';

export interface TerraformRunnerOptions {
  /** The binary (NFVO_TERRAFORM_BIN; default `terraform` on PATH). */
  bin: string;
  /** Per-stack working directories: a cache only, the state lives in PostgreSQL. */
  workRoot: string;
  /** The pg backend: connection string (given to Terraform as PG_CONN_STR, never written to a file) and schema. */
  pgConnStr: string;
  schema: string;
  /** Deadline of one Terraform command. */
  timeoutMs: number;
  /** TF_CLI_CONFIG_FILE, e.g. a provider filesystem mirror for air-gapped sites; unset: none. */
  cliConfigFile?: string;
}

export interface StackRun {
  /** The stack's workspace in the shared state schema: one state per stack. */
  workspace: string;
  /** Terraform JSON as synthesized (without backend; the runner adds it). */
  json: Record<string, unknown>;
  /** Settings for the providers (e.g. KUBE_HOST, KUBE_TOKEN): given through the environment, never written. */
  env?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApplyResult { outputs: Record<string, string>; changes: { add: number; change: number; remove: number } }
export interface PlanResult { changed: boolean; resources: Array<{ address: string; action: string }> }

/**
 * The service's DATABASE_URL for Terraform's pg backend. Its driver (lib/pq) requires TLS unless told
 * otherwise, while the service's driver uses TLS only when the URL asks for it: a URL without `sslmode`
 * gets `sslmode=disable`, so both connect the same way.
 */
export function terraformPgConnStr(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  if (!u.searchParams.has('sslmode')) u.searchParams.set('sslmode', 'disable');
  return u.toString();
}

const WORKSPACE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,89}$/;

/**
 * Terraform as a child process for one stack at a time: the stack's JSON and the pg backend written to its
 * working directory, `init`, its workspace selected (created on first use), then apply, plan or destroy
 * with `-input=false -no-color -json` and a state-lock timeout. The process environment is not passed on
 * (it holds the NFVO's own secrets): only PATH, HOME, the backend and the stack's provider settings.
 * Runs on one stack are serialized in this process; across replicas the pg backend's lock does it.
 */
export class TerraformRunner {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly o: TerraformRunnerOptions) {}

  /** Applies the stack (idempotent: the same stack twice changes nothing); `replace` re-creates those resources (heal). */
  apply(r: StackRun & { replace?: string[] }): Promise<ApplyResult> {
    return this.serial(r.workspace, async () => {
      const ctx = await this.prepare(r);
      const run = await this.cmd(ctx, r, ['apply', '-auto-approve', ...(r.replace ?? []).map((a) => `-replace=${a}`)]);
      if (run.code !== 0) throw this.failure('apply', run);
      const summary = [...run.messages].reverse().find((m) => m.type === 'change_summary')?.changes ?? { add: 0, change: 0, remove: 0 };
      const outputs = [...run.messages].reverse().find((m) => m.type === 'outputs')?.outputs ?? {};
      return { changes: summary, outputs: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, typeof v.value === 'string' ? v.value : JSON.stringify(v.value)])) };
    });
  }

  /** `plan -detailed-exitcode`: whether what runs differs from the stack (drift), and which resources. */
  plan(r: StackRun): Promise<PlanResult> {
    return this.serial(r.workspace, async () => {
      const ctx = await this.prepare(r);
      const run = await this.cmd(ctx, r, ['plan', '-detailed-exitcode']);
      if (run.code === 1) throw this.failure('plan', run);
      const resources = run.messages.filter((m) => (m.type === 'planned_change' || m.type === 'resource_drift') && m.change).map((m) => ({ address: m.change!.resource.addr, action: m.change!.action }));
      return { changed: run.code === 2, resources };
    });
  }

  /** Destroys everything of the stack, then removes its state (the workspace). Destroying a stack that never existed succeeds. */
  destroy(r: StackRun): Promise<void> {
    return this.serial(r.workspace, async () => {
      const ctx = await this.prepare(r);
      const run = await this.cmd(ctx, r, ['destroy', '-auto-approve']);
      if (run.code !== 0) throw this.failure('destroy', run);
      await this.plain(ctx, r, ['workspace', 'select', '-no-color', 'default']);
      const del = await this.plain(ctx, r, ['workspace', 'delete', '-force', '-no-color', r.workspace]);
      if (del.code !== 0) throw this.failure('workspace delete', del);
    });
  }

  private async prepare(r: StackRun): Promise<{ cwd: string; env: NodeJS.ProcessEnv }> {
    if (!WORKSPACE.test(r.workspace)) throw new TerraformError('FAILED', 'workspace', `invalid workspace name ${JSON.stringify(r.workspace)}`);
    const cwd = join(this.o.workRoot, r.workspace);
    await mkdir(cwd, { recursive: true, mode: 0o700 });
    const tf = (r.json.terraform ?? {}) as Record<string, unknown>;
    const json = { ...r.json, terraform: { ...tf, backend: { pg: { schema_name: this.o.schema } } } };
    await writeFile(join(cwd, 'cdk.tf.json'), JSON.stringify(json), { mode: 0o600 });
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR,
      TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: this.o.cliConfigFile ?? '', PG_CONN_STR: this.o.pgConnStr, ...r.env,
    };
    const ctx = { cwd, env };
    const init = await this.plain(ctx, r, ['init', '-input=false', '-no-color']);
    if (init.code !== 0) throw this.failure('init', init);
    const ws = await this.plain(ctx, r, ['workspace', 'select', '-or-create', '-no-color', r.workspace]);
    if (ws.code !== 0) throw this.failure('workspace select', ws);
    return ctx;
  }

  private cmd(ctx: { cwd: string; env: NodeJS.ProcessEnv }, r: StackRun, args: string[]): Promise<CliRun> {
    return runTerraform(this.o.bin, [...args, '-input=false', '-no-color', '-json', `-lock-timeout=${Math.ceil(this.o.timeoutMs / 2000)}s`], { ...ctx, timeoutMs: this.o.timeoutMs, signal: r.signal });
  }

  /** Commands without -json; `args` carry their flags before any positional argument, as Terraform parses them. */
  private plain(ctx: { cwd: string; env: NodeJS.ProcessEnv }, r: StackRun, args: string[]): Promise<CliRun> {
    return runTerraform(this.o.bin, args, { ...ctx, timeoutMs: this.o.timeoutMs, signal: r.signal });
  }

  private failure(command: string, run: CliRun): TerraformError {
    const text = diagnostics(run);
    return new TerraformError(/acquiring the state lock/i.test(text) ? 'STATE_LOCKED' : 'DIAGNOSTIC', command, text);
  }

  private serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(key) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(fn);
    this.queues.set(key, next);
    void next.catch(() => undefined).finally(() => { if (this.queues.get(key) === next) this.queues.delete(key); });
    return next;
  }
}
