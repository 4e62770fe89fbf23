import { spawn } from 'node:child_process';
import { TerraformError } from './terraform-error';

/** One line of `terraform … -json` (machine-readable UI): diagnostics, progress, change summary, outputs. */
export interface TerraformMessage {
  type: string;
  '@level'?: string;
  '@message'?: string;
  diagnostic?: { severity: string; summary: string; detail?: string; address?: string };
  changes?: { add: number; change: number; remove: number };
  outputs?: Record<string, { value: unknown; sensitive?: boolean }>;
  change?: { resource: { addr: string }; action: string };
}

export interface CliRun {
  code: number;
  messages: TerraformMessage[];
  /** Plain output (commands without -json), the last part only. */
  text: string;
}

/** How long a stopped Terraform gets to release its state lock before it is killed. */
const GRACE_MS = 10_000;

/**
 * Runs the terraform binary with an argument array (never a shell string) in `cwd`. A deadline or an abort
 * sends SIGINT, on which Terraform stops at a safe point and releases its state lock; it is killed if it
 * has not exited within the grace time. Rejects with TerraformError NOT_INSTALLED, TIMEOUT or CANCELLED.
 */
export function runTerraform(bin: string, args: string[], o: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; signal?: AbortSignal }): Promise<CliRun> {
  const command = args[0];
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: o.cwd, env: o.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const messages: TerraformMessage[] = [];
    let text = '';
    let pending = '';
    let stopped: 'TIMEOUT' | 'CANCELLED' | undefined;
    const take = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('{')) {
          try { messages.push(JSON.parse(line) as TerraformMessage); continue; } catch { /* not a JSON line */ }
        }
        text = (text + line + '\n').slice(-8192);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const stop = (why: 'TIMEOUT' | 'CANCELLED') => {
      if (stopped || child.exitCode !== null) return;
      stopped = why;
      child.kill('SIGINT');
      setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), GRACE_MS).unref();
    };
    const timer = setTimeout(() => stop('TIMEOUT'), o.timeoutMs);
    const onAbort = () => stop('CANCELLED');
    o.signal?.addEventListener('abort', onAbort, { once: true });
    if (o.signal?.aborted) onAbort();
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new TerraformError(e.code === 'ENOENT' ? 'NOT_INSTALLED' : 'FAILED', command, e.code === 'ENOENT' ? `${bin} was not found (NFVO_TERRAFORM_BIN, or terraform on PATH)` : e.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      if (pending) take(Buffer.from('\n'));
      if (stopped === 'TIMEOUT') return reject(new TerraformError('TIMEOUT', command, `no result within ${o.timeoutMs} ms; stopped`));
      if (stopped === 'CANCELLED') return reject(new TerraformError('CANCELLED', command, 'cancelled; stopped'));
      resolve({ code: code ?? -1, messages, text });
    });
  });
}

/** Terraform's error diagnostics as one text ("summary: detail; …"), or the plain output's end when there are none. */
export function diagnostics(run: CliRun): string {
  const errors = run.messages.filter((m) => m.type === 'diagnostic' && m.diagnostic?.severity === 'error').map((m) => {
    const d = m.diagnostic!;
    return `${d.summary}${d.detail ? `: ${d.detail.replace(/\s+/g, ' ').trim()}` : ''}${d.address ? ` (${d.address})` : ''}`;
  });
  return errors.length ? errors.join('; ') : run.text.replace(/\s+/g, ' ').trim().slice(-1000) || `exit code ${run.code}`;
}
