import { forkServer } from './forked-server';
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
  const { child, tail, url, pid, stop } = await forkServer('subscriber-server.child', 'subscriber server', { cmd: 'start' }, timeoutMs);
  const died = () => new Error(`the subscriber server exited (code ${child.exitCode}, signal ${child.signalCode}): ${tail.text.join(' / ')}`);
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
  return { url, pid, count: () => ask<SubscriberCount>('count'), dump: () => ask<SubscriberDump>('dump'), stop };
}
