import http, { type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** One call the proxied cloud answered: when it arrived and when its answer was complete (ms, performance clock). */
export interface RecordedCall {
  origin: string;
  method: string;
  path: string;
  status: number;
  start: number;
  end: number;
  requestBody?: unknown;
  responseBody?: unknown;
}

const json = (b: Buffer): unknown => {
  try { return b.length ? JSON.parse(b.toString('utf8')) : undefined; } catch { return undefined; }
};

/**
 * A recording reverse proxy in front of an OpenStack cloud: one loopback listener per service origin, each
 * forwarding to its upstream and timing every call from its arrival to the last byte of its answer. Keystone's
 * token answers are rewritten so their catalogue points at the proxy: the NFVO then sends every call through it.
 * It measures what the cloud itself takes for each call (plus a loopback hop), for the benchmark's baseline.
 */
export class RecordingProxy {
  readonly calls: RecordedCall[] = [];
  private readonly servers: Server[] = [];
  /** upstream origin (http://127.0.0.1:8774) -> proxy origin (http://127.0.0.1:4xxxx) */
  private readonly map = new Map<string, string>();
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  static async start(upstreams: string[]): Promise<RecordingProxy> {
    const p = new RecordingProxy();
    for (const origin of new Set(upstreams)) await p.listen(origin);
    return p;
  }

  /** The proxy's URL for an upstream URL (its origin replaced). */
  url(upstream: string): string {
    const u = new URL(upstream);
    return `${this.map.get(u.origin) ?? u.origin}${u.pathname}${u.search}`;
  }

  private async listen(origin: string): Promise<void> {
    const server = http.createServer((req, res) => void this.forward(origin, req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    this.servers.push(server);
    this.map.set(origin, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }

  private async forward(origin: string, req: IncomingMessage, res: http.ServerResponse): Promise<void> {
    const start = performance.now();
    const body = Buffer.concat(await req.toArray() as Buffer[]);
    const target = new URL(req.url ?? '/', origin);
    const up = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host }, agent: this.agent }, (answer) => {
      void answer.toArray().then((chunks) => {
        let data = Buffer.concat(chunks as Buffer[]);
        if (req.method === 'POST' && target.pathname.endsWith('/auth/tokens')) data = Buffer.from(this.rewrite(data.toString('utf8')));
        const headers = { ...answer.headers, 'content-length': String(data.length) };
        delete headers['transfer-encoding'];
        res.writeHead(answer.statusCode ?? 502, headers);
        res.end(data);
        this.calls.push({ origin, method: req.method ?? 'GET', path: `${target.pathname}${target.search}`, status: answer.statusCode ?? 0, start, end: performance.now(), requestBody: json(body), responseBody: json(data) });
      });
    });
    up.on('error', (e) => { res.writeHead(502); res.end(String(e)); });
    up.end(body);
  }

  private rewrite(text: string): string {
    let out = text;
    for (const [from, to] of this.map) out = out.split(from).join(to);
    return out;
  }

  async close(): Promise<void> {
    this.agent.destroy();
    await Promise.all(this.servers.map((s) => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); })));
  }
}
