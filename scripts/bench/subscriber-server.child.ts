/**
 * Child-process entry of the notification benchmark's subscriber: one bare Node `http` server standing for
 * every subscriber (callback paths /s/<n>). GET (the NFVO's callback test) and POST answer 204; each POST's
 * JSON body is parsed and, under /s/<n>, its arrival time and `id`, `nsdInfoId`, `nsdOperationalState` kept.
 * POSTs to /baseline get exactly the same work (read, parse, 204) and are only counted: they are the bare
 * round-trip the delivery rate is compared with. Its own process, so parsing and recording do not share the
 * benchmark's event loop (nor the NFVO's).
 *
 * Times are CLOCK_MONOTONIC milliseconds (process.hrtime), the clock of the whole machine, so the parent can
 * subtract its own readings from them.
 * IPC: receives `{ cmd: 'start' }`, answers `{ port }` once listening; then `{ req, cmd: 'count' | 'dump' }`
 * are answered `{ req, … }` (see {@link SubscriberCount}, {@link SubscriberDump}).
 */
import { createServer } from 'node:http';
import { serveToParent } from './child-server';

export interface SubscriberCount {
  /** Notification POSTs received under /s/<n> (duplicates included). */
  posts: number;
  baseline: number;
  /** GETs (callback tests). */
  gets: number;
  /** Requests that were not understood (bad path, bad JSON, other methods). */
  odd: number;
}

/** Column-wise, so 10,000s of records cross the IPC channel as a few arrays. */
export interface SubscriberDump extends SubscriberCount {
  at: number[];
  subscriber: number[];
  id: string[];
  nsdInfoId: string[];
  state: string[];
  /** The first notification exactly as received, for the baseline to POST the same bytes. */
  sample?: { body: string; headers: Record<string, string> };
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

const dump: SubscriberDump = { posts: 0, baseline: 0, gets: 0, odd: 0, at: [], subscriber: [], id: [], nsdInfoId: [], state: [] };

/** Request headers worth replaying in the baseline (not hop-by-hop ones, not Host or Content-Length). */
const REPLAYED = ['content-type', 'accept', 'version', 'authorization'];

const server = createServer((req, res) => {
  if (req.method === 'GET') {
    dump.gets++;
    req.resume();
    res.writeHead(204).end();
    return;
  }
  const parts: Buffer[] = [];
  req.on('data', (c: Buffer) => parts.push(c));
  req.on('end', () => {
    const at = nowMs();
    const text = Buffer.concat(parts).toString('utf8');
    let body: { id?: unknown; nsdInfoId?: unknown; nsdOperationalState?: unknown } | undefined;
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = undefined;
    }
    const m = /^\/s\/(\d+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !body) dump.odd++;
    else if (req.url === '/baseline') dump.baseline++;
    else if (!m) dump.odd++;
    else {
      dump.posts++;
      dump.at.push(at);
      dump.subscriber.push(Number(m[1]));
      dump.id.push(String(body.id));
      dump.nsdInfoId.push(String(body.nsdInfoId));
      dump.state.push(String(body.nsdOperationalState));
      if (!dump.sample) {
        const headers = Object.fromEntries(REPLAYED.filter((h) => typeof req.headers[h] === 'string').map((h) => [h, req.headers[h] as string]));
        dump.sample = { body: text, headers };
      }
    }
    res.writeHead(204).end();
  });
  req.on('error', () => res.destroy());
});

process.on('message', (msg: { cmd: string; req?: number }) => {
  if (msg.cmd === 'start') {
    serveToParent(server, 1024);
  } else if (msg.cmd === 'count') {
    const { posts, baseline, gets, odd } = dump;
    process.send?.({ req: msg.req, posts, baseline, gets, odd });
  } else if (msg.cmd === 'dump') {
    process.send?.({ req: msg.req, ...dump });
  }
});
