import type { Server } from 'node:http';

/**
 * The child side of {@link forkServer}'s protocol: listen on an ephemeral loopback port, report `{ port }`
 * over IPC, close on SIGTERM, and exit when the parent goes away (crash, SIGKILL) so nothing is left behind.
 */
export function serveToParent(server: Server, backlog = 511): void {
  server.listen(0, '127.0.0.1', backlog, () => {
    const addr = server.address();
    process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0 });
  });
  process.once('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
  process.once('disconnect', () => process.exit(0));
}
