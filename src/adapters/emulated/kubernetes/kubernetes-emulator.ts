import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The part of a Kubernetes API server the NFVO checks when a kubernetes VIM is registered: GET /version
 * with a bearer token (401 with a Status object otherwise), answered as the API server does. Emulation
 * for the embedded default; container stacks themselves go through the IaC port.
 */
export class KubernetesEmulator {
  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(token: string): Promise<KubernetesEmulator> {
    const server = createServer((req, res) => {
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 }));
        return;
      }
      if (req.method === 'GET' && req.url === '/version') {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ major: '1', minor: '30', gitVersion: 'v1.30.0-nfvo-emulated', platform: 'linux/amd64' }));
        return;
      }
      res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return new KubernetesEmulator(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((r) => this.server.close(() => r()));
    this.server.closeAllConnections();
    await closed;
  }
}
