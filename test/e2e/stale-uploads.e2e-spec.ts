import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../support/test-app';
import { readExample } from '../support/example-packages';
import { STALE_UPLOADS, type StaleUploads } from '../../src/packages/ports/stale-uploads.port';

/** An upload whose process died must not leave its resource UPLOADING or its partial content behind. */
describe('abandoned uploads (NFVO_UPLOAD_STALE_SECONDS)', () => {
  let a: TestApp;
  let auth: Record<string, string>;
  beforeAll(async () => {
    a = await startTestApp();
    auth = { Authorization: `Bearer ${await a.token()}`, Version: '2.12.0' };
  });
  afterAll(() => a?.close());

  const count = async (sql: string, params: unknown[] = []) => (await a.t.db.dataSource.query(sql, params))[0].n as number;
  const age = (table: string, id: string) => a.t.db.dataSource.query(`UPDATE ${table} SET updated_at = now() - interval '2 hours' WHERE id = $1`, [id]);

  it('gives UPLOADING resources older than the limit back to CREATED and drops incomplete content', async () => {
    const nsd = (await a.http.post('/nsd/v2/ns_descriptors').set(auth).send({})).body.id;
    const pkg = (await a.http.post('/vnfpkgm/v2/vnf_packages').set(auth).send({})).body.id;
    const fresh = (await a.http.post('/nsd/v2/ns_descriptors').set(auth).send({})).body.id;
    await a.t.db.dataSource.query(`UPDATE nsd_info SET doc = doc || '{"nsdOnboardingState":"UPLOADING"}' WHERE id = ANY($1::uuid[])`, [[nsd, fresh]]);
    await a.t.db.dataSource.query(`UPDATE vnf_pkg_info SET doc = doc || '{"onboardingState":"UPLOADING"}' WHERE id = $1`, [pkg]);
    await age('nsd_info', nsd);
    await age('vnf_pkg_info', pkg);
    await a.t.db.dataSource.query(`INSERT INTO blob (id, created_at) VALUES (gen_random_uuid(), now() - interval '2 hours')`);
    // Complete content that nothing refers to: a process that died between storing an upload and recording it.
    await a.t.db.dataSource.query(`INSERT INTO blob (id, created_at, complete, size) VALUES (gen_random_uuid(), now() - interval '2 hours', true, 0)`);
    const [{ id: recent }] = await a.t.db.dataSource.query(`INSERT INTO blob (id, complete, size) VALUES (gen_random_uuid(), true, 0) RETURNING id`);
    const reset = await a.app.get<StaleUploads>(STALE_UPLOADS).recover(3600);
    expect(reset.sort()).toEqual([nsd, pkg].sort());
    expect((await a.http.get(`/nsd/v2/ns_descriptors/${nsd}`).set(auth)).body.nsdOnboardingState).toBe('CREATED');
    expect((await a.http.get(`/vnfpkgm/v2/vnf_packages/${pkg}`).set(auth)).body.onboardingState).toBe('CREATED');
    expect((await a.http.get(`/nsd/v2/ns_descriptors/${fresh}`).set(auth)).body.nsdOnboardingState).toBe('UPLOADING');
    const unowned = `FROM blob b WHERE NOT EXISTS (SELECT 1 FROM package_file f WHERE f.blob_id = b.id)`;
    expect(await count(`SELECT count(*)::int AS n ${unowned} AND created_at < now() - interval '1 hour'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n ${unowned} AND id = $1`, [recent])).toBe(1); // may still be about to be recorded
    await a.t.db.dataSource.query(`DELETE FROM blob WHERE id = $1`, [recent]);
    // Usable again.
    expect((await a.http.put(`/vnfpkgm/v2/vnf_packages/${pkg}/package_content`).set(auth).set('Content-Type', 'text/plain').send(readExample('firewall-vnfd.yaml'))).status).toBe(202);
  });

  it('refuses an upload that finishes after it was abandoned (409), keeping nothing of it', async () => {
    const id = (await a.http.post('/nsd/v2/ns_descriptors').set(auth).send({})).body.id;
    const body = readExample('nsd.yaml');
    const port = (a.app.getHttpServer().address() as AddressInfo).port;
    const done = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'PUT', path: `/nsd/v2/ns_descriptors/${id}/nsd_content`, headers: { ...auth, 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 20));
      setTimeout(async () => {
        await age('nsd_info', id);
        await a.app.get<StaleUploads>(STALE_UPLOADS).recover(3600);
        req.end(body.slice(20));
      }, 300);
    });
    const r = await done;
    expect(r.status).toBe(409);
    expect(JSON.parse(r.text).detail).toMatch(/abandoned/);
    expect((await a.http.get(`/nsd/v2/ns_descriptors/${id}`).set(auth)).body.nsdOnboardingState).toBe('CREATED');
    // No content without an owner remains (the first test's onboarding may still be adding owned blobs).
    expect(await count(`SELECT count(*)::int AS n FROM blob b WHERE NOT EXISTS (SELECT 1 FROM package_file f WHERE f.blob_id = b.id)`)).toBe(0);
  });
});
