import { forkServer } from './forked-server';

export interface DiscardServer {
  url: string;
  pid: number;
  stop(): Promise<'exited' | 'killed'>;
}

/** Starts the upload baseline (discard-server.child) in a child process. */
export async function startDiscardServer(timeoutMs = 10_000): Promise<DiscardServer> {
  const { url, pid, stop } = await forkServer('discard-server.child', 'discard server', { start: true }, timeoutMs);
  return { url, pid, stop };
}
