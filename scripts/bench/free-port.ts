import { createServer } from 'node:net';

/**
 * A TCP port that was free a moment ago: the NFVO child reads PORT from its environment and does not report
 * the port it bound, so the parent binds port 0, notes the number, closes, and hands the number over.
 * (Another process could take it in between; on a benchmark machine that race is accepted.)
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('could not learn the port of a listening socket'))));
    });
  });
}
