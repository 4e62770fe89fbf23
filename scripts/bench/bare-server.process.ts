import type { BareReply } from './bare-server.child';
import { forkServer } from './forked-server';

export interface BareServer {
  url: string;
  stop(): Promise<'exited' | 'killed'>;
}

/** Starts the baseline server in a child process, serving `reply` to every request. */
export async function startBareServer(reply: BareReply, timeoutMs = 10_000): Promise<BareServer> {
  const { url, stop } = await forkServer('bare-server.child', 'bare server', reply, timeoutMs);
  return { url, stop };
}
