import { startTestApp, type TestApp } from '../support/test-app';

describe.each([
  ['v2', { Version: '2.12.0' }],
  ['v1', {}],
] as const)('VNF packages on vnfpkgm/%s', (major, versionHeader) => {
  let a: TestApp;
  let auth: Record<string, string>;
  const base = `/vnfpkgm/${major}/vnf_packages`;

  beforeAll(async () => {
    a = await startTestApp({ NFVO_PAGE_SIZE: '3' });
    auth = { Authorization: `Bearer ${await a.token()}`, ...versionHeader };
  });
  afterAll(() => a?.close());

  const create = (body: object = {}) => a.http.post(base).set(auth).send(body);
  const setState = (id: string, patch: object) =>
    a.t.db.dataSource.query(`UPDATE vnf_pkg_info SET doc = doc || $2::jsonb WHERE id = $1`, [id, JSON.stringify(patch)]);
  const patch = (id: string, body: object) => a.http.patch(`${base}/${id}`).set(auth).set('Content-Type', 'application/merge-patch+json').send(JSON.stringify(body));

  it('creates a package resource: 201, Location, CREATED / DISABLED / NOT_IN_USE, links to vnfd and content', async () => {
    const r = await create({ userDefinedData: { owner: 'ops' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ onboardingState: 'CREATED', operationalState: 'DISABLED', usageState: 'NOT_IN_USE', userDefinedData: { owner: 'ops' } });
    expect(r.headers.location).toBe(r.body._links.self.href);
    expect(r.body._links.vnfd.href).toBe(`${r.headers.location}/vnfd`);
    expect(r.body._links.packageContent.href).toBe(`${r.headers.location}/package_content`);
    expect((await a.http.get(new URL(r.headers.location).pathname).set(auth)).body).toEqual(r.body);
  });

  it('refuses unknown members and the NSD attribute names', async () => {
    expect((await create({ nsdName: 'x' })).status).toBe(400);
    const c = await create();
    expect((await patch(c.body.id, { nsdOperationalState: 'ENABLED' })).status).toBe(400);
  });

  it('applies the state rules: enable only when ONBOARDED, delete only when DISABLED and NOT_IN_USE', async () => {
    const c = await create();
    expect((await patch(c.body.id, { operationalState: 'ENABLED' })).status).toBe(409);
    await setState(c.body.id, { onboardingState: 'ONBOARDED' });
    const enabled = await patch(c.body.id, { operationalState: 'ENABLED' });
    expect(enabled.status).toBe(200);
    expect(enabled.body).toEqual({ operationalState: 'ENABLED' });
    const del = await a.http.delete(`${base}/${c.body.id}`).set(auth);
    expect(del.status).toBe(409);
    expect(del.body.detail).toMatch(/"operationalState":"DISABLED"/);
    expect((await patch(c.body.id, { operationalState: 'DISABLED' })).status).toBe(200);
    expect((await a.http.delete(`${base}/${c.body.id}`).set(auth)).status).toBe(204);
    expect((await a.http.get(`${base}/${c.body.id}`).set(auth)).status).toBe(404);
  });

  it('filters, pages and leaves the default complex attributes out', async () => {
    await a.t.db.dataSource.query('DELETE FROM vnf_pkg_info');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await create({ userDefinedData: { i } });
      ids.push(r.body.id);
      await setState(r.body.id, { onboardingState: 'ONBOARDED', vnfProvider: i % 2 ? 'acme' : 'other', softwareImages: [{ id: `img${i}`, name: 'fw', provider: 'acme', version: '1', checksum: { algorithm: 'SHA-256', hash: 'ab' }, containerFormat: 'BARE', diskFormat: 'QCOW2', createdAt: '2026-01-01T00:00:00Z', minDisk: 1, minRam: 512, size: 1024 }] });
    }
    const first = await a.http.get(base).set(auth);
    expect(first.body.map((x: { id: string }) => x.id)).toEqual(ids.slice(0, 3));
    expect(first.headers.link).toMatch(/rel="next"/);
    expect(first.body[0].softwareImages).toBeUndefined();
    expect(first.body[0].userDefinedData).toBeUndefined();
    const acme = await a.http.get(`${base}?filter=(eq,vnfProvider,acme)&all_fields`).set(auth);
    expect(acme.body.map((x: { id: string }) => x.id)).toEqual([ids[1], ids[3]]);
    expect(acme.body[0].softwareImages[0].id).toBe('img1');
    expect((await a.http.get(`${base}?filter=(eq,softwareImages/id,img4)`).set(auth)).body.map((x: { id: string }) => x.id)).toEqual([ids[4]]);
    expect((await a.http.get(`${base}?filter=(eq,nsdName,x)`).set(auth)).status).toBe(400);
  });
});
