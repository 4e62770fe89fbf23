import { startTestApp, type TestApp } from '../support/test-app';

describe('VNF package external artifacts access (SOL005 V4.5.1 cl. 9.4.9)', () => {
  let a: TestApp;
  let auth: Record<string, string>;
  let id: string;

  beforeAll(async () => {
    a = await startTestApp();
    auth = { Authorization: `Bearer ${await a.token()}`, Version: '2.12.0' };
    id = (await a.http.post('/vnfpkgm/v2/vnf_packages').set(auth).send({})).body.id;
  });
  afterAll(() => a?.close());

  const path = () => `/vnfpkgm/v2/vnf_packages/${id}/ext_artifacts_access`;
  const config = {
    artifact: [
      { artifactUri: 'https://images.example.com/fw.qcow2', authType: 'BASIC', username: 'u', password: 'img-pa55' },
      { artifactUri: 'https://repo.example.com/x', overrideUri: 'https://mirror.example.com/x', authType: 'OAUTH2_CLIENT_CREDENTIALS', paramsOauth2ClientCredentials: { clientId: 'c', clientPassword: 'oauth-pa55', tokenEndpoint: 'https://idp.example.com/token' } },
    ],
  };

  it('is empty until set', async () => {
    expect((await a.http.get(path()).set(auth)).body).toEqual({ artifact: [] });
  });

  it('stores the configuration with sealed credentials and never returns them', async () => {
    const put = await a.http.put(path()).set(auth).send(config);
    expect(put.status).toBe(200);
    const got = await a.http.get(path()).set(auth);
    for (const r of [put, got]) {
      expect(r.text).not.toMatch(/pa55/);
      expect(r.body.artifact[0]).toEqual({ artifactUri: 'https://images.example.com/fw.qcow2', authType: 'BASIC', username: 'u' });
      expect(r.body.artifact[1].paramsOauth2ClientCredentials).toEqual({ clientId: 'c', tokenEndpoint: 'https://idp.example.com/token' });
    }
    const row = await a.t.db.dataSource.query(`SELECT config::text AS c FROM ext_artifacts_access WHERE vnf_pkg_id = $1`, [id]);
    expect(row[0].c).not.toMatch(/pa55/);
  });

  it('refuses incomplete credentials (422), unknown members or bad URIs (400), unknown packages (404)', async () => {
    expect((await a.http.put(path()).set(auth).send({ artifact: [{ artifactUri: 'https://x.example.com/a', authType: 'BASIC', username: 'u' }] })).status).toBe(422);
    expect((await a.http.put(path()).set(auth).send({ artifact: [{ artifactUri: 'https://x.example.com/a', token: 't' }] })).status).toBe(400);
    expect((await a.http.put(path()).set(auth).send({ artifact: [{ artifactUri: 'not a uri' }] })).status).toBe(400);
    expect((await a.http.get('/vnfpkgm/v2/vnf_packages/00000000-0000-4000-8000-000000000000/ext_artifacts_access').set(auth)).status).toBe(404);
  });
});
