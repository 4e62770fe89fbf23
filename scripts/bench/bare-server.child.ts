/**
 * Child-process entry of the baseline: a bare Node `http` server that answers every request with the same
 * status, headers and body bytes, whatever was asked. It runs in its own process for the same reason as the
 * NFVO (not sharing the load generator's event loop), so the two figures are comparable.
 * Protocol over IPC: receives one {@link BareReply}, answers `{ port }` once listening.
 */
import { createServer } from 'node:http';

export interface BareReply {
  status: number;
  headers: Record<string, string>;
  bodyBase64: string;
}

process.once('message', (msg: BareReply) => {
  const body = Buffer.from(msg.bodyBase64, 'base64');
  const headers = { ...msg.headers, 'content-length': String(body.length) };
  const server = createServer((_req, res) => {
    res.writeHead(msg.status, headers);
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0 });
  });
  process.once('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
});
// The parent going away (crash, SIGKILL) must not leave this server behind.
process.once('disconnect', () => process.exit(0));
