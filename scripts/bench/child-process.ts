import type { ChildProcess } from 'node:child_process';

/**
 * Keeps the last lines a child wrote, so a child that dies or never becomes ready can be explained in the
 * output without letting a chatty child fill the parent's memory (or block on a full pipe).
 */
export class OutputTail {
  private lines: string[] = [];

  constructor(private readonly max = 40) {}

  attach(child: ChildProcess): this {
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        this.lines.push(...chunk.split('\n').filter((l) => l.trim() !== ''));
        if (this.lines.length > this.max) this.lines = this.lines.slice(-this.max);
      });
    }
    return this;
  }

  get text(): string[] {
    return [...this.lines];
  }
}

/** Resolves when the child has exited (immediately if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGTERM, then SIGKILL if the child is still there after `graceMs`: a graceful stop, but a bounded one. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<'exited' | 'killed'> {
  if (child.exitCode !== null || child.signalCode !== null) return 'exited';
  const done = exited(child);
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
  const outcome = await Promise.race([done.then(() => 'exited' as const), late]);
  clearTimeout(timer);
  if (outcome === 'exited') return 'exited';
  child.kill('SIGKILL');
  await done;
  return 'killed';
}
