import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { OutputTail, stopChild } from './child-process';

export interface DiscardServer {
  url: string;
  pid: number;
  stop(): Promise<'exited' | 'killed'>;
}

/** Starts the upload baseline (discard-server.child) in a child process and learns its port over IPC. */
export async function startDiscardServer(timeoutMs = 10_000): Promise<DiscardServer> {
  const child = fork(resolve(__dirname, 'discard-server.child.js'), [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const tail = new OutputTail().attach(child);
  const stop = () => stopChild(child, 5_000);
  try {
    let onExit: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;
    const port = await new Promise<number>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no port within ${timeoutMs} ms`)), timeoutMs);
      onExit = (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`the discard server exited (code ${code}, signal ${signal}): ${tail.text.join(' / ')}`));
      };
      child.once('exit', onExit);
      child.once('message', (m: { port?: number }) => {
        clearTimeout(timer);
        if (m.port) ok(m.port);
        else fail(new Error('the discard server reported no port'));
      });
      child.send({ start: true });
    }).finally(() => onExit && child.off('exit', onExit));
    if (child.pid === undefined) throw new Error('the discard server has no pid');
    return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
