import { startTestApp, type TestApp } from '../support/test-app';
import { readExample } from '../support/example-packages';
import { TestSubscriber } from '../support/subscriber';

const V2 = { Version: '2.12.0' };

describe('subscriptions and notifications (SOL005 cl. 5.4.8-5.4.10, 9.4.8-9.4.10)', () => {
  let a: TestApp;
  let auth: Record<string, string>;
  let sub: TestSubscriber;

  beforeAll(async () => {
    sub = await new TestSubscriber().start();
    a = await startTestApp({ NFVO_CALLBACK_ALLOW: '127.0.0.1' });
    auth = { Authorization: `Bearer ${await a.token()}`, ...V2 };
  });
  afterAll(async () => {
    await a?.close();
    await sub?.close();
  });

  const subscribe = (api: string, body: object, major = 'v2') => a.http.post(`/${api}/${major}/subscriptions`).set(auth).send(body);
  const settle = async (path: string, attr: string) => {
    for (let i = 0; i < 200; i++) {
      const r = await a.http.get(path).set(auth);
      if (!['UPLOADING', 'PROCESSING'].includes(r.body[attr])) return r.body;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('still onboarding');
  };

  describe('the subscription resources', () => {
    it('creates after a successful callback test (201, Location), reads, lists and deletes', async () => {
      const r = await subscribe('nsd', { callbackUri: `${sub.url}/a`, filter: { notificationTypes: ['NsdOnBoardingNotification'] } });
      expect(r.status).toBe(201);
      expect(r.headers.location).toBe(r.body._links.self.href);
      expect(r.body).toMatchObject({ callbackUri: `${sub.url}/a`, filter: { notificationTypes: ['NsdOnBoardingNotification'] } });
      const path = new URL(r.headers.location).pathname;
      expect((await a.http.get(path).set(auth)).body).toEqual(r.body);
      expect((await a.http.get(`/nsd/v2/subscriptions?filter=(eq,callbackUri,${encodeURIComponent(`${sub.url}/a`)})`).set(auth)).body).toEqual([r.body]);
      // Subscriptions are per API version: not visible on nsd/v1 or vnfpkgm/v2.
      expect((await a.http.get(path.replace('/v2/', '/v1/')).set('Authorization', auth.Authorization)).status).toBe(404);
      expect((await a.http.delete(path).set(auth)).status).toBe(204);
      expect((await a.http.get(path).set(auth)).status).toBe(404);
    });

    it('answers 303 See Other for the same callback and filter', async () => {
      const body = { callbackUri: `${sub.url}/dup`, filter: { nsdName: ['x', 'y'], notificationTypes: ['NsdChangeNotification'] } };
      const first = await subscribe('nsd', body);
      const again = await subscribe('nsd', { callbackUri: body.callbackUri, filter: { notificationTypes: ['NsdChangeNotification'], nsdName: ['x', 'y'] } });
      expect(again.status).toBe(303);
      expect(again.headers.location).toBe(first.headers.location);
      expect(again.text).toBe('');
    });

    it('answers 422 with what the callback did when the test fails', async () => {
      sub.mode = 'get-200';
      const wrong = await subscribe('nsd', { callbackUri: `${sub.url}/x` });
      sub.mode = 'ok';
      expect(wrong.status).toBe(422);
      expect(wrong.body.detail).toMatch(/answered 200; SOL005 requires 204/);
      const closed = await subscribe('nsd', { callbackUri: 'http://127.0.0.1:1/nothing' });
      expect(closed.status).toBe(422);
      expect(closed.body.detail).toMatch(/callback test/);
    });

    it('refuses a loopback callback unless NFVO_CALLBACK_ALLOW allows it', async () => {
      const strict = await startTestApp();
      try {
        const r = await strict.http.post('/nsd/v2/subscriptions').set({ Authorization: `Bearer ${await strict.token()}`, ...V2 }).send({ callbackUri: `${sub.url}/strict` });
        expect(r.status).toBe(422);
        expect(r.body.detail).toMatch(/NFVO_CALLBACK_ALLOW/);
      } finally {
        await strict.close();
      }
    });

    it.each([
      [{ callbackUri: 'ftp://x/y' }, /http or https/],
      [{ callbackUri: 'not a uri' }, /absolute URI/],
      [{ callbackUri: 'http://127.0.0.1/x', extra: 1 }, /extra/],
      [{ callbackUri: 'http://127.0.0.1/x', filter: { nsdNam: ['a'] } }, /nsdNam/],
      [{ callbackUri: 'http://127.0.0.1/x', filter: { nsdId: ['a'], nsdInfoId: ['b'] } }, /alternatives/],
      [{ callbackUri: 'http://127.0.0.1/x', filter: { notificationTypes: ['Nope'] } }, /allowed values/],
      [{ callbackUri: 'http://127.0.0.1/x', authentication: { authType: ['BASIC'] } }, /paramsBasic/],
    ])('answers 400 naming the problem: %j', async (body, why) => {
      const r = await subscribe('nsd', body);
      expect(r.status).toBe(400);
      expect(r.body.detail).toMatch(why);
    });

    it('refuses nslcm filter combinations SOL005 forbids, and TLS_CERT', async () => {
      const r = await subscribe('nslcm', { callbackUri: `${sub.url}/n`, filter: { notificationTypes: ['NsIdentifierCreationNotification'], operationStates: ['COMPLETED'] } });
      expect(r.status).toBe(400);
      expect(r.body.detail).toMatch(/operationStates may be used only when notificationTypes contains NsLcmOperationOccurrenceNotification/);
      expect((await subscribe('nslcm', { callbackUri: `${sub.url}/n`, authentication: { authType: ['TLS_CERT'] } })).status).toBe(422);
    });

    it('never returns credentials, and stores them sealed', async () => {
      const r = await subscribe('vnfpkgm', { callbackUri: `${sub.url}/cred`, authentication: { authType: ['BASIC'], paramsBasic: { userName: 'u', password: 'sub-pa55' } } });
      expect(r.status).toBe(201);
      expect(JSON.stringify(r.body)).not.toMatch(/pa55|paramsBasic|authentication/);
      const row = await a.t.db.dataSource.query(`SELECT doc::text AS d, auth_sealed FROM subscription WHERE id = $1`, [r.body.id]);
      expect(row[0].d).not.toMatch(/pa55/);
      expect(row[0].auth_sealed).not.toMatch(/pa55/);
      await a.http.delete(new URL(r.headers.location).pathname).set(auth);
    });
  });

  describe('delivery', () => {
    it('delivers a package’s notifications in order: onboarding, change, deletion (with Basic auth)', async () => {
      const s = await subscribe('vnfpkgm', {
        callbackUri: `${sub.url}/pkg`,
        filter: { notificationTypes: ['VnfPackageOnboardingNotification', 'VnfPackageChangeNotification'] },
        authentication: { authType: ['BASIC'], paramsBasic: { userName: 'nfvo', password: 'cb-secret' } },
      });
      expect(s.status).toBe(201);
      sub.received.length = 0;
      const id = (await a.http.post('/vnfpkgm/v2/vnf_packages').set(auth).send({})).body.id;
      await a.http.put(`/vnfpkgm/v2/vnf_packages/${id}/package_content`).set(auth).set('Content-Type', 'text/plain').send(readExample('firewall-vnfd.yaml'));
      await settle(`/vnfpkgm/v2/vnf_packages/${id}`, 'onboardingState');
      await a.http.patch(`/vnfpkgm/v2/vnf_packages/${id}`).set(auth).set('Content-Type', 'application/merge-patch+json').send('{"operationalState":"DISABLED"}');
      await a.http.delete(`/vnfpkgm/v2/vnf_packages/${id}`).set(auth);
      await sub.waitFor(3);
      const mine = sub.received.filter((r) => r.body.vnfPkgId === id);
      expect(mine.map((r) => [r.body.notificationType, r.body.changeType])).toEqual([
        ['VnfPackageOnboardingNotification', undefined],
        ['VnfPackageChangeNotification', 'OP_STATE_CHANGE'],
        ['VnfPackageChangeNotification', 'PKG_DELETE'],
      ]);
      expect(mine[0].authorization).toBe(`Basic ${Buffer.from('nfvo:cb-secret').toString('base64')}`);
      expect(mine[0].body).toMatchObject({ subscriptionId: s.body.id, vnfdId: 'eu.example.nfvo:firewall-vnf:1.0', _links: { subscription: { href: s.headers.location } } });
      expect(new Set(mine.map((r) => r.body.id)).size).toBe(3);
      await a.http.delete(new URL(s.headers.location).pathname).set(auth);
    });

    it('keeps notifications while the subscriber is down and delivers them, in order, when it recovers', async () => {
      const s = await subscribe('nsd', { callbackUri: `${sub.url}/flaky`, filter: { notificationTypes: ['NsdChangeNotification'] } });
      sub.received.length = 0;
      sub.mode = 'fail';
      const nsd = (await a.http.post('/nsd/v2/ns_descriptors').set(auth).send({})).body.id;
      await a.t.db.dataSource.query(`UPDATE nsd_info SET doc = doc || '{"nsdOnboardingState":"ONBOARDED","nsdOperationalState":"ENABLED"}'::jsonb WHERE id = $1`, [nsd]);
      for (const state of ['DISABLED', 'ENABLED', 'DISABLED']) {
        expect((await a.http.patch(`/nsd/v2/ns_descriptors/${nsd}`).set(auth).set('Content-Type', 'application/merge-patch+json').send(JSON.stringify({ nsdOperationalState: state }))).status).toBe(200);
      }
      await new Promise((r) => setTimeout(r, 1500));
      expect(sub.received).toHaveLength(0);
      const pending = await a.http.get(`/nfvo/v1/notifications?filter=(eq,subscriptionId,${s.body.id});(eq,state,PENDING)`).set(auth);
      expect(pending.body).toHaveLength(3);
      expect(pending.body[0].lastError).toMatch(/500/);
      sub.mode = 'ok';
      await sub.waitFor(3, 30000);
      expect(sub.received.map((r) => r.body.nsdOperationalState)).toEqual(['DISABLED', 'ENABLED', 'DISABLED']);
    });
  });
});
