/**
 * Child-process entry of the baseline: a bare Node `http` server that answers every request with the same
 * status, headers and body bytes, whatever was asked. It runs in its own process for the same reason as the
 * NFVO (not sharing the load generator's event loop), so the two figures are comparable.
 * Protocol over IPC: receives one {@link BareReply}, answers `{ port }` once listening.
 */
import { createServer } from 'node:http';
import { serveToParent } from './child-server';

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
  serveToParent(server);
});
