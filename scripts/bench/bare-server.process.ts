import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { BareReply } from './bare-server.child';
import { OutputTail, stopChild } from './child-process';

export interface BareServer {
  url: string;
  stop(): Promise<'exited' | 'killed'>;
}

/** Starts the baseline server in a child process, serving `reply` to every request. */
export async function startBareServer(reply: BareReply, timeoutMs = 10_000): Promise<BareServer> {
  const child = fork(resolve(__dirname, 'bare-server.child.js'), [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const tail = new OutputTail().attach(child);
  const stop = () => stopChild(child, 5_000);
  try {
    let onExit: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;
    const port = await new Promise<number>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no port within ${timeoutMs} ms`)), timeoutMs);
      onExit = (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`the bare server exited (code ${code}, signal ${signal}): ${tail.text.join(' / ')}`));
      };
      child.once('exit', onExit);
      child.once('message', (m: { port?: number }) => {
        clearTimeout(timer);
        if (m.port) ok(m.port);
        else fail(new Error('the bare server reported no port'));
      });
      child.send(reply);
    }).finally(() => onExit && child.off('exit', onExit));
    return { url: `http://127.0.0.1:${port}`, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
