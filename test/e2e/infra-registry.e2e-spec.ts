import { OpenStackEmulator } from '../../src/adapters/emulated/openstack/openstack-emulator';
import { startTestApp, type TestApp } from '../support/test-app';

describe('infrastructure registry (/nfvo/v1)', () => {
  let a: TestApp;
  let auth: Record<string, string>;
  let ks: OpenStackEmulator;

  beforeAll(async () => {
    ks = await OpenStackEmulator.start({ credentials: { username: 'nfvo', password: 'right', project: 'nfv' }, quotas: { cores: 96, ramMiB: 393216, instances: 40 } });
    a = await startTestApp();
    auth = { Authorization: `Bearer ${await a.token()}` };
  });
  afterAll(async () => {
    await a?.close();
    await ks?.close();
  });

  const post = (path: string, body: object) => a.http.post(`/nfvo/v1/${path}`).set(auth).send(body);

  it('registers sites, a VIM whose credentials work, WAN links and switches; never returns credentials', async () => {
    const siteA = await post('sites', { name: 'site-a', location: { countryCode: 'DE' }, labels: { tier: 'edge' } });
    const siteB = await post('sites', { name: 'site-b' });
    expect([siteA.status, siteB.status]).toEqual([201, 201]);
    expect(siteA.headers.location).toBe(siteA.body._links.self.href);
    const vim = await post('vims', { siteId: siteA.body.id, name: 'os-a', vimType: 'openstack', endpoint: ks.url, project: 'nfv', credentials: { authType: 'password', username: 'nfvo', password: 'right' } });
    expect(vim.status).toBe(201);
    // No capacity declared: the project's limits, as Nova reports them, become the VIM's capacity.
    expect(vim.body).toMatchObject({ name: 'os-a', vimType: 'openstack', authType: 'password', capacity: { vcpus: 96, memoryMiB: 393216, instances: 40 } });
    expect(JSON.stringify(vim.body)).not.toMatch(/right|credentials/);
    const sealed = await a.t.db.dataSource.query(`SELECT credentials_sealed AS c, doc::text AS d FROM vim WHERE id = $1`, [vim.body.id]);
    expect(sealed[0].c).not.toMatch(/right/);
    expect(sealed[0].d).not.toMatch(/right/);
    const wan = await post('wan_links', { siteA: siteA.body.id, siteB: siteB.body.id, latencyMs: 12, bandwidthMbps: 1000, tunnel: { type: 'vxlan', endpointA: '192.0.2.1', endpointB: '192.0.2.2' } });
    expect(wan.status).toBe(201);
    const sw = await post('switches', { siteId: siteA.body.id, host: '172.16.1.2', username: 'root', hostKeyFingerprint: `SHA256:${'A'.repeat(43)}`, bridge: 'br0', privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n' });
    expect(sw.status).toBe(201);
    expect(JSON.stringify(sw.body)).not.toMatch(/PRIVATE KEY/);
    expect(sw.body.port).toBe(22);

    const list = await a.http.get(`/nfvo/v1/sites?filter=(eq,location/countryCode,DE)`).set(auth);
    expect(list.body.map((s: { name: string }) => s.name)).toEqual(['site-a']);
    expect((await a.http.get(`/nfvo/v1/vims/${vim.body.id}`).set(auth)).body.siteId).toBe(siteA.body.id);

    // A site others refer to cannot go; once they are gone it can.
    expect((await a.http.delete(`/nfvo/v1/sites/${siteA.body.id}`).set(auth)).status).toBe(409);
    for (const p of [`vims/${vim.body.id}`, `wan_links/${wan.body.id}`, `switches/${sw.body.id}`, `sites/${siteA.body.id}`]) {
      expect((await a.http.delete(`/nfvo/v1/${p}`).set(auth)).status).toBe(204);
    }
  });

  it('answers 422 with the VIM’s own reason when its credentials are refused, and stores nothing', async () => {
    const site = await post('sites', { name: 'site-c' });
    const r = await post('vims', { siteId: site.body.id, name: 'os-c', vimType: 'openstack', endpoint: ks.url, project: 'nfv', credentials: { authType: 'password', username: 'nfvo', password: 'wrong' } });
    expect(r.status).toBe(422);
    expect(r.body.detail).toMatch(/401 The request you have made requires authentication/);
    const down = await post('vims', { siteId: site.body.id, name: 'os-d', vimType: 'openstack', endpoint: 'http://127.0.0.1:1/v3', credentials: { authType: 'password', username: 'nfvo', password: 'right' } });
    expect(down.status).toBe(422);
    expect(down.body.detail).toMatch(/cannot be reached/);
    expect((await a.http.get('/nfvo/v1/vims?filter=(eq,siteId,' + site.body.id + ')').set(auth)).body).toEqual([]);
  });

  it('answers precise errors: unknown site (422), duplicate name or site pair (409), bad input (400), a read-only token (403)', async () => {
    const s1 = await post('sites', { name: 'site-e' });
    const s2 = await post('sites', { name: 'site-f' });
    expect((await post('sites', { name: 'site-e' })).status).toBe(409);
    expect((await post('vims', { siteId: '00000000-0000-4000-8000-000000000000', name: 'x', vimType: 'openstack', endpoint: ks.url, credentials: { authType: 'password', username: 'nfvo', password: 'right' } })).status).toBe(422);
    const link = { siteA: s1.body.id, siteB: s2.body.id, latencyMs: 5, tunnel: { type: 'gre', endpointA: '192.0.2.5', endpointB: '192.0.2.6' } };
    expect((await post('wan_links', link)).status).toBe(201);
    expect((await post('wan_links', { ...link, siteA: s2.body.id, siteB: s1.body.id })).status).toBe(409);
    expect((await post('wan_links', { ...link, siteB: s1.body.id })).status).toBe(400);
    expect((await post('sites', { name: 'bad name!' })).status).toBe(400);
    expect((await post('vims', { siteId: s1.body.id, name: 'k', vimType: 'kubernetes', endpoint: 'https://k8s.example', credentials: { authType: 'password', username: 'u', password: 'p' } })).status).toBe(400);
    expect((await post('switches', { siteId: s1.body.id, host: 'h', username: 'root', hostKeyFingerprint: 'md5:xx', bridge: 'br0', privateKey: 'k' })).status).toBe(400);
    const reader = await a.token('reader');
    expect((await a.http.get('/nfvo/v1/sites').set('Authorization', `Bearer ${reader}`)).status).toBe(403);
  });
});
