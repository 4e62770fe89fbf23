import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { OutputTail, stopChild } from './child-process';
import type { SubscriberCount, SubscriberDump } from './subscriber-server.child';

export interface SubscriberServer {
  url: string;
  pid: number;
  count(): Promise<SubscriberCount>;
  /** Everything recorded so far. */
  dump(): Promise<SubscriberDump>;
  stop(): Promise<'exited' | 'killed'>;
}

/** Starts the recording subscriber (subscriber-server.child) in a child process and learns its port over IPC. */
export async function startSubscriberServer(timeoutMs = 10_000): Promise<SubscriberServer> {
  const child = fork(resolve(__dirname, 'subscriber-server.child.js'), [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const tail = new OutputTail().attach(child);
  const stop = () => stopChild(child, 5_000);
  const died = () => new Error(`the subscriber server exited (code ${child.exitCode}, signal ${child.signalCode}): ${tail.text.join(' / ')}`);
  try {
    let onExit: (() => void) | undefined;
    const port = await new Promise<number>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no port within ${timeoutMs} ms`)), timeoutMs);
      onExit = () => {
        clearTimeout(timer);
        fail(died());
      };
      child.once('exit', onExit);
      child.once('message', (m: { port?: number }) => {
        clearTimeout(timer);
        if (m.port) ok(m.port);
        else fail(new Error('the subscriber server reported no port'));
      });
      child.send({ cmd: 'start' });
    }).finally(() => onExit && child.off('exit', onExit));
    if (child.pid === undefined) throw new Error('the subscriber server has no pid');

    let next = 0;
    const ask = <T>(cmd: string): Promise<T> =>
      new Promise<T>((ok, fail) => {
        if (child.exitCode !== null || child.signalCode !== null) return fail(died());
        const req = ++next;
        const onMessage = (m: { req?: number }) => {
          if (m.req !== req) return;
          child.off('message', onMessage);
          child.off('exit', onGone);
          ok(m as T);
        };
        const onGone = () => {
          child.off('message', onMessage);
          fail(died());
        };
        child.on('message', onMessage);
        child.once('exit', onGone);
        child.send({ cmd, req });
      });
    return { url: `http://127.0.0.1:${port}`, pid: child.pid, count: () => ask<SubscriberCount>('count'), dump: () => ask<SubscriberDump>('dump'), stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
