/**
 * Child-process entry of the upload baseline: a bare Node `http` server that reads every request body to its
 * end, throws the bytes away, and answers 204 with the byte count. It is what receiving the upload costs with
 * nothing done to it, in a process of its own like the NFVO's, so their RSS and times compare.
 * Protocol over IPC: receives any message to start, answers `{ port }` once listening.
 */
import { createServer } from 'node:http';
import { serveToParent } from './child-server';

process.once('message', () => {
  const server = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      res.writeHead(204, { 'x-received-bytes': String(bytes) });
      res.end();
    });
    req.on('error', () => res.destroy());
  });
  serveToParent(server);
});
