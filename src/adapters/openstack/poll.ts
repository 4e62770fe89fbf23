import { setTimeout as sleep } from 'node:timers/promises';
import { VimError } from '../../lifecycle/ports/vim-error';

/** The resource never reached the wanted state in time; the adapter does not retry this itself (the wait was already long). */
export class WaitTimeout extends VimError {}

export interface PollTiming { initialMs: number; maxMs: number; timeoutMs: number }

/**
 * Asks `probe` until it returns a value, waiting initialMs, then twice as long each time up to
 * maxMs (exponential back-off keeps a hundred waiting servers from flooding the VIM's API).
 */
export async function pollUntil<T>(operation: string, what: string, t: PollTiming, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + t.timeoutMs;
  for (let wait = t.initialMs; ; wait = Math.min(wait * 2, t.maxMs)) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() + wait > deadline) throw new WaitTimeout('TIMEOUT', operation, `${what} not reached within ${t.timeoutMs} ms`);
    await sleep(wait);
  }
}
