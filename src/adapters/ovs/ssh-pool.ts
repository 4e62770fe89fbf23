import { createHash } from 'node:crypto';
import { Client, type ConnectConfig } from 'ssh2';
import { SwitchError } from './switch-error';

export interface SshTarget { host: string; port: number; username: string; privateKey: string; hostKeyFingerprint: string }
export interface ExecResult { code: number; stdout: string; stderr: string }

/** OpenSSH's fingerprint of a host key blob: `SHA256:` and the unpadded base64 of its SHA-256. */
export const fingerprintOf = (key: Buffer) => `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;

/** Every word of a command is a validated token: nothing a shell would interpret can be in it. */
const SAFE_WORD = /^[A-Za-z0-9_.:=/,@+-]+$/;

const OUTPUT_LIMIT = 4 * 1024 * 1024;
/** sshd's MaxSessions is 10 by default: stay below it on the one connection. */
const CHANNELS = 8;

interface Conn { client: Client; ready: Promise<void>; busy: number; waiting: Array<() => void> }

/**
 * One SSH connection per switch host (a connection costs ~300 ms; an exec on an open one ~ a round
 * trip), key authentication only, and the host key checked against the fingerprint pinned in the
 * registry: a mismatch is refused, never trusted on first use. A connection that drops is opened again.
 */
export class SshPool {
  private readonly conns = new Map<string, Conn>();
  /** Execs run per host (`user@host:port`), for benchmarks and tests. */
  readonly execs = new Map<string, number>();

  constructor(private readonly opts: { connectTimeoutMs?: number; execTimeoutMs?: number } = {}) {}

  async exec(t: SshTarget, argv: string[], stdin?: string): Promise<ExecResult> {
    const bad = argv.find((w) => !SAFE_WORD.test(w));
    if (bad !== undefined) throw new SwitchError(`refused to run a command with the word ${JSON.stringify(bad)} on ${t.host}`, false);
    const key = `${t.username}@${t.host}:${t.port}`;
    const conn = await this.connection(key, t);
    if (conn.busy >= CHANNELS) await new Promise<void>((r) => conn.waiting.push(r));
    conn.busy++;
    this.execs.set(key, (this.execs.get(key) ?? 0) + 1);
    try {
      return await this.run(conn.client, key, argv.join(' '), stdin);
    } finally {
      conn.busy--;
      conn.waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    for (const c of this.conns.values()) c.client.end();
    this.conns.clear();
  }

  private async connection(key: string, t: SshTarget): Promise<Conn> {
    const known = this.conns.get(key);
    if (known) { await known.ready; return known; }
    const client = new Client();
    let presented: string | undefined;
    const config: ConnectConfig = {
      host: t.host, port: t.port, username: t.username, privateKey: t.privateKey,
      readyTimeout: this.opts.connectTimeoutMs ?? 10_000, keepaliveInterval: 15_000,
      hostVerifier: (k: Buffer) => { presented = fingerprintOf(k); return presented === t.hostKeyFingerprint; },
    };
    const conn: Conn = { client, busy: 0, waiting: [], ready: Promise.resolve() };
    conn.ready = new Promise<void>((resolve, reject) => {
      client.once('ready', resolve);
      client.once('error', (e) => {
        this.conns.delete(key);
        reject(presented && presented !== t.hostKeyFingerprint
          ? new SwitchError(`switch host ${key} presented host key ${presented}, not the pinned ${t.hostKeyFingerprint}: refused (re-register the switch with its new fingerprint if the key really changed)`, false)
          : new SwitchError(`cannot reach switch host ${key}: ${e.message}`, true));
      });
    });
    client.on('close', () => { if (this.conns.get(key) === conn) this.conns.delete(key); });
    try {
      client.connect(config);
    } catch (e) {
      // ssh2 parses the key synchronously: a key it cannot read fails here, before any connection.
      throw new SwitchError(`the private key registered for switch host ${key} cannot be used: ${(e as Error).message}`, false);
    }
    this.conns.set(key, conn);
    await conn.ready;
    return conn;
  }

  private run(client: Client, key: string, command: string, stdin?: string): Promise<ExecResult> {
    return new Promise((resolve, reject) => {
      client.exec(command, (err, stream) => {
        if (err) return reject(new SwitchError(`switch host ${key} refused to run ${command.split(' ')[0]}: ${err.message}`, true));
        let stdout = ''; let stderr = ''; let code = -1;
        const timer = setTimeout(() => { stream.close(); reject(new SwitchError(`${command.split(' ')[0]} on ${key} did not finish within ${this.opts.execTimeoutMs ?? 30_000} ms`, true)); }, this.opts.execTimeoutMs ?? 30_000);
        stream.on('data', (d: Buffer) => { if (stdout.length < OUTPUT_LIMIT) stdout += d.toString('utf8'); });
        stream.stderr.on('data', (d: Buffer) => { if (stderr.length < OUTPUT_LIMIT) stderr += d.toString('utf8'); });
        stream.on('exit', (c: number | null) => { code = c ?? -1; });
        stream.on('close', () => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
        stream.end(stdin ?? '');
      });
    });
  }
}
