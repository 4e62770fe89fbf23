import { SECRET_BOX } from '../../src/config/config.module';
import type { SecretBox } from '../../src/shared/secret-box';
import { startEmulatedSites } from '../../src/emulated-sites';
import { startTestApp, type TestApp } from '../support/test-app';

/** The embedded default's emulated sites, registered through the production use cases, on either database. */
describe('emulated sites of the embedded default', () => {
  let a: TestApp;
  beforeAll(async () => { a = await startTestApp({ NFVO_EMULATED_SITES: 'on' }); });
  afterAll(() => a?.close());

  it('registers two sites with working VIMs and a WAN link once; a restart keeps them and moves the endpoints', async () => {
    const first = await startEmulatedSites(a.app, a.config, a.t.db.kind);
    const auth = { Authorization: `Bearer ${await a.token()}` };
    const vims1 = (await a.http.get('/nfvo/v1/vims').set(auth)).body;
    await first!.close();

    const second = await startEmulatedSites(a.app, a.config, a.t.db.kind);
    try {
      const sites = (await a.http.get('/nfvo/v1/sites').set(auth)).body;
      const vims2 = (await a.http.get('/nfvo/v1/vims').set(auth)).body;
      const links = (await a.http.get('/nfvo/v1/wan_links').set(auth)).body;
      expect(sites.map((s: { name: string; labels: object }) => [s.name, s.labels])).toEqual([['site-a', { emulated: 'true' }], ['site-b', { emulated: 'true' }]]);
      expect(vims2.map((v: { name: string; vimType: string }) => `${v.name}:${v.vimType}`)).toEqual(['site-a-openstack:openstack', 'site-a-kubernetes:kubernetes', 'site-b-openstack:openstack', 'site-b-kubernetes:kubernetes']);
      expect(links).toEqual([expect.objectContaining({ siteA: sites[0].id, siteB: sites[1].id, latencyMs: 10 })]);
      expect(vims2.map((v: { id: string }) => v.id)).toEqual(vims1.map((v: { id: string }) => v.id));
      expect(vims2[0].endpoint).not.toBe(vims1[0].endpoint);
      expect(vims2[0].capacity).toEqual({ vcpus: 400, memoryMiB: 1048576, instances: 200 });
      // The restarted emulator accepts exactly the credentials sealed at the first start, and no others.
      const sealed = await a.t.db.dataSource.query(`SELECT credentials_sealed AS c FROM vim WHERE id = $1`, [vims2[0].id]);
      const creds = JSON.parse(a.app.get<SecretBox>(SECRET_BOX, { strict: false }).open(sealed[0].c));
      const tokenFor = (password: string) => fetch(`${vims2[0].endpoint}/auth/tokens`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { name: creds.username, domain: { name: 'Default' }, password } } }, scope: { project: { name: vims2[0].project, domain: { name: 'Default' } } } } }),
      });
      expect((await tokenFor(creds.password)).status).toBe(201);
      expect((await tokenFor(`${creds.password}x`)).status).toBe(401);
    } finally {
      await second!.close();
    }
  });

  it('stays off on PostgreSQL unless asked', async () => {
    expect(await startEmulatedSites(a.app, { ...a.config, emulatedSites: 'auto' }, 'postgres')).toBeUndefined();
    expect(await startEmulatedSites(a.app, { ...a.config, emulatedSites: 'off' }, 'pglite')).toBeUndefined();
  });
});
