import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { basename, join, resolve } from 'node:path';

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed on stdout so far (the banner, with the bootstrap secret, is there). */
  stdout(): string;
  stderr(): string;
  /** Sends a signal and resolves with the exit code (or the signal name). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | string>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** dist/src/main.js, whether this file runs compiled (from dist/) or from source under jest. */
function builtMain(): string {
  const up = resolve(__dirname, '..', '..');
  return basename(up) === 'dist' ? join(up, 'src', 'main.js') : join(up, 'dist', 'src', 'main.js');
}

/** Starts the built service (dist/src/main.js) as a real child process and waits until /ready answers 200. */
export async function startServiceProcess(env: Record<string, string | undefined>, readyTimeoutMs = 60000): Promise<ServiceProcess> {
  const port = await freePort();
  const main = builtMain();
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | string>((r) => child.once('exit', (code, sig) => r(code ?? sig ?? 'unknown')));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode} before it was ready:\n${err || out}`);
    try {
      if ((await fetch(`${url}/ready`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`service not ready within ${readyTimeoutMs} ms:\n${err || out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    url,
    stdout: () => out,
    stderr: () => err,
    async stop(signal = 'SIGTERM', timeoutMs = 20000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Reads the one-time bootstrap credentials from the start-up banner. */
export function bootstrapCredentials(stdout: string): { clientId: string; secret: string } | undefined {
  const id = /client id:\s+(\S+)/.exec(stdout)?.[1];
  const secret = /client secret:\s+(\S+)/.exec(stdout)?.[1];
  return id && secret ? { clientId: id, secret } : undefined;
}

export async function clientToken(url: string, clientId: string, secret: string): Promise<string> {
  const r = await fetch(`${url}/oauth2/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  if (r.status !== 200) throw new Error(`token request answered ${r.status}: ${await r.text()}`);
  return ((await r.json()) as { access_token: string }).access_token;
}
