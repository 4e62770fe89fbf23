import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import { OutputTail, stopChild } from './child-process';

export interface ForkedServer {
  child: ChildProcess;
  url: string;
  pid: number;
  tail: OutputTail;
  stop(): Promise<'exited' | 'killed'>;
}

/**
 * Forks a baseline or helper server (`<script>.js` beside this file), sends it `startMessage` and waits
 * for the port it reports over IPC. In a process of its own it does not share the benchmark's event loop.
 */
export async function forkServer(script: string, label: string, startMessage: object, timeoutMs = 10_000): Promise<ForkedServer> {
  const child = fork(resolve(__dirname, `${script}.js`), [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const tail = new OutputTail().attach(child);
  const stop = () => stopChild(child, 5_000);
  try {
    let onExit: (() => void) | undefined;
    const port = await new Promise<number>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`the ${label} reported no port within ${timeoutMs} ms`)), timeoutMs);
      onExit = () => {
        clearTimeout(timer);
        fail(new Error(`the ${label} exited (code ${child.exitCode}, signal ${child.signalCode}): ${tail.text.join(' / ')}`));
      };
      child.once('exit', onExit);
      child.once('message', (m: { port?: number }) => {
        clearTimeout(timer);
        if (m.port) ok(m.port);
        else fail(new Error(`the ${label} reported no port`));
      });
      child.send(startMessage);
    }).finally(() => onExit && child.off('exit', onExit));
    if (child.pid === undefined) throw new Error(`the ${label} has no pid`);
    return { child, url: `http://127.0.0.1:${port}`, pid: child.pid, tail, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
