import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  body: Record<string, unknown>;
  authorization?: string;
}

/**
 * A notification consumer on loopback (SOL005: answers the callback test GET with 204, each POST with
 * 204). `mode` changes its behaviour mid-test: failing with 500, or getting the GET wrong.
 */
export class TestSubscriber {
  readonly received: Received[] = [];
  mode: 'ok' | 'fail' | 'get-200' = 'ok';
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res as never));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/callback`;
    return this;
  }

  private handle(req: IncomingMessage, res: { writeHead(s: number): { end(b?: string): void } }) {
    if (req.method === 'GET') return res.writeHead(this.mode === 'get-200' ? 200 : 204).end();
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => {
      if (this.mode === 'fail') return res.writeHead(500).end('down for maintenance');
      this.received.push({ body: JSON.parse(text), authorization: req.headers.authorization });
      res.writeHead(204).end();
    });
  }

  types(): string[] {
    return this.received.map((r) => String(r.body.notificationType));
  }

  async waitFor(n: number, ms = 20000): Promise<void> {
    const end = Date.now() + ms;
    while (this.received.length < n && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    if (this.received.length < n) throw new Error(`expected ${n} notifications, got ${this.received.length}: ${this.types().join(', ')}`);
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}
