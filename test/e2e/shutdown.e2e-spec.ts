import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientToken, startServiceProcess, type ServiceProcess } from '../../scripts/support/service-process';
import { dropSchemas, testDatabaseUrl, uniqueSchema } from '../support/test-database';

/** The built service as a real process: SIGTERM lets in-flight requests finish, then exits 0. */
describe('graceful shutdown (SIGTERM)', () => {
  const schema = uniqueSchema('sd');
  const dataDir = mkdtempSync(join(tmpdir(), 'nfvo-shutdown-'));
  let svc: ServiceProcess;

  beforeAll(async () => {
    svc = await startServiceProcess({
      DATABASE_URL: testDatabaseUrl(),
      NFVO_DATA_DIR: dataDir,
      NFVO_DB_SCHEMA: schema,
      NFVO_JOBS_SCHEMA: `${schema}_jobs`,
      NFVO_OAUTH_CLIENTS: 'sd:shutdown-secret-0123456789',
      NFVO_SECRET_KEY: 'ab'.repeat(32),
      NFVO_SHUTDOWN_GRACE_MS: '15000',
    });
  });
  afterAll(async () => {
    await svc?.stop('SIGKILL');
    const url = testDatabaseUrl();
    if (url) await dropSchemas(url, [schema, `${schema}_jobs`]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('completes a request that is in flight when SIGTERM arrives, refuses new ones, and exits 0', async () => {
    const token = await clientToken(svc.url, 'sd', 'shutdown-secret-0123456789');
    const body = JSON.stringify({ userDefinedData: { drained: true } });
    const { port } = new URL(svc.url);
    // Send the headers and half the body, so the request is in flight inside the service.
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: '/nsd/v2/ns_descriptors', headers: { Authorization: `Bearer ${token}`, Version: '2.12.0', 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        svc.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 700);
      }, 300);
    });
    const r = await inFlight;
    expect(r.status).toBe(201);
    expect(JSON.parse(r.body).userDefinedData).toEqual({ drained: true });
    const code = await svc.stop('SIGTERM');
    expect(code).toBe(0);
    await expect(fetch(`${svc.url}/health`)).rejects.toThrow();
  });
});
