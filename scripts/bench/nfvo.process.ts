import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { OutputTail, exited, stopChild } from './child-process';
import { freePort } from './free-port';

export interface NfvoProcessOptions {
  databaseUrl: string;
  schema: string;
  jobsSchema: string;
  client: { id: string; secret: string };
  /** 64 hex characters (NFVO_SECRET_KEY). */
  secretKeyHex: string;
  pageSize: number;
  readyTimeoutMs?: number;
  /** Further settings a benchmark states explicitly (e.g. NFVO_CALLBACK_ALLOW); they may override the fixed ones. */
  env?: Record<string, string>;
  /** Write a V8 CPU profile into this directory when the process exits. */
  cpuProfileDir?: string;
}

export interface NfvoProcess {
  url: string;
  child: ChildProcess;
  tail: OutputTail;
  stop(): Promise<'exited' | 'killed'>;
}

/** The compiled service entry point, as `npm start` runs it (this file lives in dist/scripts/bench). */
const MAIN_JS = resolve(__dirname, '../../src/main.js');

/**
 * Starts the real NFVO (`node dist/src/main.js`) in its own process: on a 2-core machine the load generator
 * and the server must not share one event loop, or the benchmark measures their contention instead.
 */
export async function startNfvo(o: NfvoProcessOptions): Promise<NfvoProcess> {
  const port = await freePort();
  // Our own settings only: an NFVO_* variable of the calling shell (an API root, another client list) would
  // change what is measured.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NFVO_') && k !== 'PORT' && k !== 'HOST'));
  const child = spawn(process.execPath, [...(o.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfileDir}`] : []), MAIN_JS], {
    env: {
      ...inherited,
      LOG_LEVEL: 'warn',
      DATABASE_URL: o.databaseUrl,
      NFVO_DB_SCHEMA: o.schema,
      NFVO_JOBS_SCHEMA: o.jobsSchema,
      NFVO_OAUTH_CLIENTS: `${o.client.id}:${o.client.secret}`,
      NFVO_SECRET_KEY: o.secretKeyHex,
      NFVO_PAGE_SIZE: String(o.pageSize),
      ...o.env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = new OutputTail().attach(child);
  const url = `http://127.0.0.1:${port}`;
  const handle: NfvoProcess = { url, child, tail, stop: () => stopChild(child, 10_000) };
  try {
    await waitReady(url, child, o.readyTimeoutMs ?? 60_000);
  } catch (e) {
    await handle.stop();
    throw new Error(`${(e as Error).message}\n  last output of the NFVO process:\n${tail.text.map((l) => `    ${l}`).join('\n')}`);
  }
  return handle;
}

/** Polls GET /ready (database and job engine up) until 200, the child dies, or the time is up. */
async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let died = false;
  void exited(child).then(() => (died = true));
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (died) throw new Error(`the NFVO process exited (code ${child.exitCode}, signal ${child.signalCode}) before it was ready`);
    try {
      const r = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      if (r.status === 200) return;
      last = `GET /ready answered ${r.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the NFVO process was not ready within ${timeoutMs} ms (${last})`);
}
