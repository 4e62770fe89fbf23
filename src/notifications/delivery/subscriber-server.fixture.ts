import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  text: string;
  /** The JSON body, when there is one. */
  json: any;
}

export type SubscriberHandler = (req: ReceivedRequest, res: ServerResponse, count: number) => void;

/** A real HTTP subscriber on 127.0.0.1 for specs: records every request and answers through a swappable handler. */
export class SubscriberServer {
  readonly received: ReceivedRequest[] = [];
  handler: SubscriberHandler = (_req, res) => res.writeHead(204).end();

  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(handler?: SubscriberHandler): Promise<SubscriberServer> {
    let self: SubscriberServer | undefined;
    const server = createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        const r = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, text, json };
        self!.received.push(r);
        self!.handler(r, res, self!.received.length);
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    self = new SubscriberServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    if (handler) self.handler = handler;
    return self;
  }

  /** The `n` of each received notification body, in arrival order. */
  ns(): number[] {
    return this.received.filter((r) => r.method === 'POST').map((r) => r.json?.n as number);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}
