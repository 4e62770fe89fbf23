import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../support/test-app';
import { readExample } from '../support/example-packages';

/** upload_from_uri against a real HTTP server on loopback (SOL005 cl. 9.4.6). */
describe('VNF package upload from URI', () => {
  let a: TestApp;
  let auth: Record<string, string>;
  let server: Server;
  let base: string;
  const seen: Array<{ path: string; authorization?: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
      if (req.url === '/fw.yaml') return res.setHeader('Content-Type', 'text/plain').end(readExample('firewall-vnfd.yaml').replace('name: firewall-vnf', 'name: firewall-from-uri'));
      if (req.url === '/secret.yaml') {
        if (req.headers.authorization !== `Basic ${Buffer.from('repo:pa55').toString('base64')}`) return res.writeHead(401).end();
        return res.end(readExample('loadbalancer-vnfd.yaml').replace('name: loadbalancer-vnf', 'name: lb-from-uri'));
      }
      if (req.url === '/moved') return res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data' }).end();
      if (req.url === '/big') return res.end(Buffer.alloc(2 * 1024 * 1024, 0x41));
      res.writeHead(500).end('boom');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    a = await startTestApp({ NFVO_UPLOAD_URI_ALLOW: 'http://127.0.0.1:*,https://*.example.com', NFVO_MAX_PACKAGE_BYTES: String(1024 * 1024) });
    auth = { Authorization: `Bearer ${await a.token()}`, Version: '2.12.0' };
  });
  afterAll(async () => {
    await a?.close();
    server?.close();
  });

  const newPkg = async () => (await a.http.post('/vnfpkgm/v2/vnf_packages').set(auth).send({})).body.id as string;
  const upload = (id: string, body: object) => a.http.post(`/vnfpkgm/v2/vnf_packages/${id}/package_content/upload_from_uri`).set(auth).send(body);
  const settle = async (id: string) => {
    for (let i = 0; i < 200; i++) {
      const r = await a.http.get(`/vnfpkgm/v2/vnf_packages/${id}?all_fields`).set(auth);
      if (!['UPLOADING', 'PROCESSING'].includes(r.body.onboardingState)) return r.body;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('still onboarding');
  };

  it('fetches and onboards a package from an allowed URI (202, then ONBOARDED)', async () => {
    const id = await newPkg();
    expect((await upload(id, { addressInformation: `${base}/fw.yaml` })).status).toBe(202);
    expect(await settle(id)).toMatchObject({ onboardingState: 'ONBOARDED', vnfProductName: 'firewall-from-uri' });
  });

  it('sends Basic credentials, which are stored sealed and never returned', async () => {
    const id = await newPkg();
    expect((await upload(id, { addressInformation: `${base}/secret.yaml`, authType: 'BASIC', username: 'repo', password: 'pa55' })).status).toBe(202);
    const info = await settle(id);
    expect(info).toMatchObject({ onboardingState: 'ONBOARDED', vnfProductName: 'lb-from-uri' });
    expect(JSON.stringify(info)).not.toContain('pa55');
    const jobs = await a.t.db.dataSource.query(`SELECT data::text AS d FROM ${a.t.jobsSchema}.job WHERE name = 'fetch-package'`);
    expect(jobs.length).toBeGreaterThan(0);
    for (const j of jobs) expect(j.d).not.toContain('pa55');
  });

  it('answers 422 for a URI outside the allow-list and 400 for a malformed one, leaving the package CREATED', async () => {
    const id = await newPkg();
    const refused = await upload(id, { addressInformation: 'http://10.1.2.3/p.zip' });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/NFVO_UPLOAD_URI_ALLOW/);
    expect((await upload(id, { addressInformation: 'not a uri' })).status).toBe(400);
    expect((await upload(id, { addressInformation: `${base}/fw.yaml`, extra: 1 })).status).toBe(400);
    expect((await a.http.get(`/vnfpkgm/v2/vnf_packages/${id}`).set(auth)).body.onboardingState).toBe('CREATED');
  });

  it.each([
    ['/moved', /redirected \(302\).*not followed/],
    ['/missing', /answered 500/],
    ['/big', /larger than the limit/],
  ])('ends in ERROR naming what %s did', async (path, why) => {
    const id = await newPkg();
    expect((await upload(id, { addressInformation: `${base}${path}` })).status).toBe(202);
    const info = await settle(id);
    expect(info.onboardingState).toBe('ERROR');
    expect(info.onboardingFailureDetails.report.findings[0].message).toMatch(why);
    expect((await a.t.db.dataSource.query(`SELECT count(*)::int AS n FROM package_file WHERE owner_id = $1`, [id]))[0].n).toBe(0);
  });

  it('answers 409 when the package is not CREATED', async () => {
    const id = await newPkg();
    await upload(id, { addressInformation: `${base}/fw.yaml` });
    await settle(id);
    expect((await upload(id, { addressInformation: `${base}/fw.yaml` })).status).toBe(409);
  });
});
