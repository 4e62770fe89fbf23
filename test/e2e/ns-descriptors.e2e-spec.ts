import { startTestApp, type TestApp } from '../support/test-app';

describe.each([
  ['v2', { Version: '2.12.0' }],
  ['v1', {}],
] as const)('NS descriptors on nsd/%s', (major, versionHeader) => {
  let a: TestApp;
  let auth: Record<string, string>;
  const base = `/nsd/${major}/ns_descriptors`;

  beforeAll(async () => {
    a = await startTestApp({ NFVO_PAGE_SIZE: '5' });
    auth = { Authorization: `Bearer ${await a.token()}`, ...versionHeader };
  });
  afterAll(() => a?.close());

  const create = (body: object = {}) => a.http.post(base).set(auth).send(body);
  /** Stands in for the onboarding pipeline (next issue): puts an NSD into a given state. */
  const setState = (id: string, patch: object) =>
    a.t.db.dataSource.query(`UPDATE nsd_info SET doc = doc || $2::jsonb WHERE id = $1`, [id, JSON.stringify(patch)]);

  it('creates an NSD info resource: 201, Location, CREATED / DISABLED / NOT_IN_USE', async () => {
    const r = await create({ userDefinedData: { vendor: 'acme' } });
    expect(r.status).toBe(201);
    expect(r.headers.location).toMatch(new RegExp(`${base}/[0-9a-f-]{36}$`));
    expect(r.body).toMatchObject({
      nsdOnboardingState: 'CREATED',
      nsdOperationalState: 'DISABLED',
      nsdUsageState: 'NOT_IN_USE',
      userDefinedData: { vendor: 'acme' },
    });
    expect(r.body._links.self.href).toBe(r.headers.location);
    expect(r.body._links.nsd_content.href).toBe(`${r.headers.location}/nsd_content`);
    const got = await a.http.get(new URL(r.headers.location).pathname).set(auth);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(r.body);
    expect(got.headers.etag).toBe(r.headers.etag);
  });

  it('shows the attributes of its own model version only (archive security is 4.5.1-only)', async () => {
    const c = await create();
    await setState(c.body.id, { nsdOnboardingState: 'ONBOARDED', archiveSecurityOption: 'OPTION_1', nsdName: 'n' });
    const g = await a.http.get(`${base}/${c.body.id}`).set(auth);
    expect(g.body.archiveSecurityOption).toBe(major === 'v2' ? 'OPTION_1' : undefined);
    expect(Object.keys(g.body)).toEqual(['id', 'nsdName', ...(major === 'v2' ? ['archiveSecurityOption'] : []), 'nsdOnboardingState', 'nsdOperationalState', 'nsdUsageState', '_links']);
  });

  it('accepts an empty create request', async () => {
    const r = await a.http.post(base).set(auth);
    expect(r.status).toBe(201);
    expect(r.body.userDefinedData).toBeUndefined();
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await a.http.get(`${base}/1f2a1e0a-0000-4000-8000-000000000000`).set(auth)).status).toBe(404);
    expect((await a.http.get(`${base}/not-a-uuid`).set(auth)).status).toBe(404);
    expect((await a.http.delete(`${base}/not-a-uuid`).set(auth)).status).toBe(404);
  });

  describe('PATCH (merge patch, ETag)', () => {
    it('needs application/merge-patch+json', async () => {
      const { body } = await create();
      const r = await a.http.patch(`${base}/${body.id}`).set(auth).set('Content-Type', 'application/json').send(JSON.stringify({ userDefinedData: { a: 1 } }));
      expect(r.status).toBe(415);
      expect(r.body.detail).toMatch(/merge-patch/);
    });

    it('merges userDefinedData (null removes a key), returns the modifications and a new ETag', async () => {
      const c = await create({ userDefinedData: { a: 1, b: 2 } });
      const r = await a.http
        .patch(`${base}/${c.body.id}`)
        .set(auth)
        .set('Content-Type', 'application/merge-patch+json')
        .send(JSON.stringify({ userDefinedData: { b: null, c: 3 } }));
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ userDefinedData: { b: null, c: 3 } });
      expect(r.headers.etag).not.toBe(c.headers.etag);
      const g = await a.http.get(`${base}/${c.body.id}`).set(auth);
      expect(g.body.userDefinedData).toEqual({ a: 1, c: 3 });
      expect(g.headers.etag).toBe(r.headers.etag);
    });

    it('refuses a stale If-Match with 412 and accepts the current one', async () => {
      const c = await create();
      const patch = (ifMatch: string, v: number) =>
        a.http.patch(`${base}/${c.body.id}`).set(auth).set('If-Match', ifMatch).set('Content-Type', 'application/merge-patch+json').send(JSON.stringify({ userDefinedData: { v } }));
      const first = await patch(c.headers.etag, 1);
      expect(first.status).toBe(200);
      const stale = await patch(c.headers.etag, 2);
      expect(stale.status).toBe(412);
      expect(stale.body.detail).toContain(first.headers.etag);
      expect((await patch(first.headers.etag, 3)).status).toBe(200);
    });

    it('enables and disables only an ONBOARDED NSD (409 otherwise and for no-ops)', async () => {
      const c = await create();
      const op = (s: string) =>
        a.http.patch(`${base}/${c.body.id}`).set(auth).set('Content-Type', 'application/merge-patch+json').send(JSON.stringify({ nsdOperationalState: s }));
      const notOnboarded = await op('ENABLED');
      expect(notOnboarded.status).toBe(409);
      expect(notOnboarded.body.detail).toMatch(/ONBOARDED/);
      await setState(c.body.id, { nsdOnboardingState: 'ONBOARDED' });
      expect((await op('ENABLED')).status).toBe(200);
      expect((await op('ENABLED')).status).toBe(409);
      expect((await a.http.get(`${base}/${c.body.id}`).set(auth)).body.nsdOperationalState).toBe('ENABLED');
    });

    it('400 for an empty modification, a bad enum or an unknown member', async () => {
      const c = await create();
      for (const body of [{}, { nsdOperationalState: 'ON' }, { nsdName: 'x' }]) {
        const r = await a.http.patch(`${base}/${c.body.id}`).set(auth).set('Content-Type', 'application/merge-patch+json').send(JSON.stringify(body));
        expect(r.status).toBe(400);
      }
    });
  });

  describe('DELETE', () => {
    it('deletes a DISABLED, NOT_IN_USE NSD (204) and then it is gone', async () => {
      const c = await create();
      expect((await a.http.delete(`${base}/${c.body.id}`).set(auth)).status).toBe(204);
      expect((await a.http.get(`${base}/${c.body.id}`).set(auth)).status).toBe(404);
    });
    it('refuses an ENABLED or IN_USE one with 409', async () => {
      const c = await create();
      await setState(c.body.id, { nsdOnboardingState: 'ONBOARDED', nsdOperationalState: 'ENABLED' });
      const r = await a.http.delete(`${base}/${c.body.id}`).set(auth);
      expect(r.status).toBe(409);
      expect(r.body.detail).toMatch(/DISABLED/);
      await setState(c.body.id, { nsdOperationalState: 'DISABLED', nsdUsageState: 'IN_USE' });
      expect((await a.http.delete(`${base}/${c.body.id}`).set(auth)).status).toBe(409);
    });
  });

  describe('GET list: filter, selectors, paging', () => {
    let ids: string[];
    beforeAll(async () => {
      await a.t.db.dataSource.query('DELETE FROM nsd_info');
      ids = [];
      for (let i = 0; i < 12; i++) {
        const r = await create({ userDefinedData: { idx: i, parity: i % 2 ? 'odd' : 'even', tags: [`t${i}`] } });
        ids.push(r.body.id);
        if (i % 3 === 0) await setState(r.body.id, { nsdOnboardingState: 'ONBOARDED', nsdOperationalState: 'ENABLED', nsdName: `fw-${i}`, vnfPkgIds: [`pkg-${i}`] });
      }
    });

    const all = async (query: string) => {
      const out: any[] = [];
      let url: string | undefined = `${base}?${query}`;
      for (let pages = 0; url && pages < 20; pages++) {
        const r: any = await a.http.get(url).set(auth);
        expect(r.status).toBe(200);
        out.push(...r.body);
        const next = /<([^>]+)>; rel="next"/.exec(r.headers.link ?? '');
        url = next ? new URL(next[1]).pathname + new URL(next[1]).search : undefined;
      }
      return out;
    };

    it('pages with Link rel="next" and returns every item exactly once, in creation order', async () => {
      const first = await a.http.get(base).set(auth);
      expect(first.body).toHaveLength(5);
      expect(first.headers.link).toMatch(/nextpage_opaque_marker=.*; rel="next"/);
      expect((await all('')).map((x) => x.id)).toEqual(ids);
    });

    it('stays stable when items are inserted while paging (keyset, not offset)', async () => {
      const p1 = await a.http.get(base).set(auth);
      const extra = await create({ userDefinedData: { idx: 99 } });
      const link = /<([^>]+)>/.exec(p1.headers.link)![1];
      const rest = await all(new URL(link).search.slice(1));
      const seen = [...p1.body, ...rest].map((x) => x.id);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual([...ids, extra.body.id]);
      await a.http.delete(`${base}/${extra.body.id}`).set(auth);
    });

    it('refuses a tampered marker or one from another query', async () => {
      const p1 = await a.http.get(`${base}?filter=(eq,nsdOperationalState,DISABLED)`).set(auth);
      const marker = new URL(/<([^>]+)>/.exec(p1.headers.link)![1]).searchParams.get('nextpage_opaque_marker')!;
      expect((await a.http.get(`${base}?nextpage_opaque_marker=${encodeURIComponent(marker)}`).set(auth)).status).toBe(400);
      expect((await a.http.get(`${base}?nextpage_opaque_marker=${marker.slice(0, -2)}xx`).set(auth)).status).toBe(400);
    });

    it('filters in the database on simple, nested, array and numeric attributes', async () => {
      const enabled = await all('filter=(eq,nsdOperationalState,ENABLED)');
      expect(enabled.map((x) => x.id)).toEqual([ids[0], ids[3], ids[6], ids[9]]);
      expect((await all('filter=(eq,userDefinedData/parity,odd);(gte,userDefinedData/idx,7)')).map((x) => x.id)).toEqual([ids[7], ids[9], ids[11]]);
      expect((await all('filter=(eq,vnfPkgIds,pkg-3,pkg-6)')).map((x) => x.id)).toEqual([ids[3], ids[6]]);
      expect((await all('filter=(cont,nsdName,fw-)')).length).toBe(4);
      expect((await all('filter=(neq,nsdOperationalState,ENABLED)')).length).toBe(8);
      expect((await all("filter=(eq,userDefinedData/tags,'t1')")).map((x) => x.id)).toEqual([ids[1]]);
    });

    it('answers 400 naming the problem for a bad filter or an unknown attribute', async () => {
      for (const [q, word] of [
        ['filter=(eq,nsdNam,x)', 'nsdNam'],
        ['filter=(eq,nsdName', 'position'],
        ['filter=(foo,nsdName,x)', 'foo'],
        ['filter=(gt,userDefinedData/idx,1,2)', 'one value'],
      ]) {
        const r = await a.http.get(`${base}?${q}`).set(auth);
        expect(r.status).toBe(400);
        expect(r.body.detail).toContain(word);
      }
      if (major === 'v1') {
        // archiveSecurityOption exists only in the 4.5.1 model.
        expect((await a.http.get(`${base}?filter=(eq,archiveSecurityOption,OPTION_1)`).set(auth)).status).toBe(400);
      }
    });

    it('leaves out userDefinedData by default and with exclude_default, includes it with all_fields or fields', async () => {
      const dflt = await a.http.get(base).set(auth);
      expect(dflt.body[0].userDefinedData).toBeUndefined();
      expect(dflt.body[0].nsdOnboardingState).toBeDefined();
      expect((await a.http.get(`${base}?exclude_default`).set(auth)).body[0].userDefinedData).toBeUndefined();
      expect((await a.http.get(`${base}?all_fields`).set(auth)).body[0].userDefinedData).toEqual({ idx: 0, parity: 'even', tags: ['t0'] });
      const f = await a.http.get(`${base}?fields=userDefinedData/parity`).set(auth);
      expect(f.body[0].userDefinedData).toEqual({ parity: 'even' });
      expect(f.body[0].id).toBeDefined();
      expect(f.body[0]._links).toBeDefined();
      // SOL013 Table 5.3.2-2: simple attributes stay, unlisted optional complex ones (vnfPkgIds) go.
      expect(f.body[0].nsdName).toBe('fw-0');
      expect(f.body[0].vnfPkgIds).toBeUndefined();
      expect((await a.http.get(`${base}?all_fields`).set(auth)).body[0].vnfPkgIds).toEqual(['pkg-0']);
      const x = await a.http.get(`${base}?exclude_fields=nsdName&filter=(eq,nsdOperationalState,ENABLED)`).set(auth);
      expect(x.body[0].nsdName).toBeUndefined();
      expect(x.body[0].userDefinedData).toBeDefined();
    });

    it('answers 400 for invalid selector combinations', async () => {
      for (const q of ['all_fields&fields=userDefinedData', 'all_fields&exclude_default', 'fields=a&exclude_fields=b', 'fields=', 'fields=noSuchAttr']) {
        const r = await a.http.get(`${base}?${q}`).set(auth);
        expect([q, r.status]).toEqual([q, 400]);
      }
    });
  });
});
