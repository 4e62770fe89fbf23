import { loadEtsiContract } from '../support/etsi/etsi-contract';
import { referenceSkipReason } from '../support/etsi/skip-reason';
import { startTestApp, type TestApp } from '../support/test-app';
import { TestSubscriber } from '../support/subscriber';

/**
 * Every response body of the nsd/v1 routes, validated against ETSI's own SOL005 V2.4.1 NSD Management
 * bundle (with the defects listed by the contract's `quirks` corrected, e.g. the "statussss" typo).
 */
const skip = referenceSkipReason('nsd');
if (skip) console.log(`nsd/v1 conformance: ${skip}`);
const contract = loadEtsiContract('nsd');

(contract ? describe : describe.skip)('nsd/v1 responses conform to ETSI SOL005 V2.4.1', () => {
  let a: TestApp;
  let auth: Record<string, string>;
  const base = '/nsd/v1/ns_descriptors';

  let sub: TestSubscriber;

  beforeAll(async () => {
    sub = await new TestSubscriber().start();
    a = await startTestApp({ NFVO_PAGE_SIZE: '2', NFVO_CALLBACK_ALLOW: '127.0.0.1' });
    auth = { Authorization: `Bearer ${await a.token()}` };
  });
  afterAll(async () => {
    await a?.close();
    await sub?.close();
  });

  /** Validates a response against the bundle's schema for that operation and status. */
  const conforms = (method: string, template: string, r: { status: number; body: unknown }) => {
    const result = contract!.responseValidator(method, template, r.status)(r.body);
    expect({ method, template, status: r.status, errors: result.errors }).toEqual({ method, template, status: r.status, errors: [] });
  };

  it('POST, GET one, GET list (all selectors, paging), PATCH, DELETE', async () => {
    const created = await a.http.post(base).set(auth).send({ userDefinedData: { site: 'a', n: 1 } });
    conforms('POST', '/ns_descriptors', created);
    const id = created.body.id;
    conforms('GET', '/ns_descriptors/{nsdInfoId}', await a.http.get(`${base}/${id}`).set(auth));

    // An onboarded one exercises the optional attributes the onboarding issue fills in.
    const onboarded = await a.http.post(base).set(auth).send({});
    await a.t.db.dataSource.query(`UPDATE nsd_info SET doc = doc || $2::jsonb WHERE id = $1`, [
      onboarded.body.id,
      JSON.stringify({ nsdOnboardingState: 'ONBOARDED', nsdId: 'd1', nsdName: 'fw', nsdVersion: '1.0', nsdDesigner: 'acme', nsdInvariantId: 'inv-1', vnfPkgIds: ['p1'] }),
    ]);
    conforms('GET', '/ns_descriptors/{nsdInfoId}', await a.http.get(`${base}/${onboarded.body.id}`).set(auth));
    await a.http.post(base).set(auth).send({});

    for (const q of ['', '?all_fields', '?exclude_default', '?fields=userDefinedData', '?exclude_fields=userDefinedData', '?filter=(eq,nsdOnboardingState,CREATED)']) {
      const page = await a.http.get(`${base}${q}`).set(auth);
      expect(page.status).toBe(200);
      conforms('GET', '/ns_descriptors', page);
    }
    const first = await a.http.get(base).set(auth);
    const next = /<([^>]+)>/.exec(first.headers.link)![1];
    conforms('GET', '/ns_descriptors', await a.http.get(new URL(next).pathname + new URL(next).search).set(auth));

    const patched = await a.http.patch(`${base}/${id}`).set(auth).set('Content-Type', 'application/merge-patch+json').send(JSON.stringify({ userDefinedData: { n: 2 } }));
    conforms('PATCH', '/ns_descriptors/{nsdInfoId}', patched);
    const enabled = await a.http.patch(`${base}/${onboarded.body.id}`).set(auth).set('Content-Type', 'application/merge-patch+json').send(JSON.stringify({ nsdOperationalState: 'ENABLED' }));
    conforms('PATCH', '/ns_descriptors/{nsdInfoId}', enabled);

    const del = await a.http.delete(`${base}/${id}`).set(auth);
    conforms('DELETE', '/ns_descriptors/{nsdInfoId}', del);
  });

  it('error bodies are ProblemDetails per the bundle (400, 404, 406, 409, 412)', async () => {
    const c = await a.http.post(base).set(auth).send({});
    await a.t.db.dataSource.query(`UPDATE nsd_info SET doc = doc || '{"nsdOnboardingState":"ONBOARDED","nsdOperationalState":"ENABLED"}'::jsonb WHERE id = $1`, [c.body.id]);
    const cases: Array<[string, string, Promise<{ status: number; body: unknown }>, number]> = [
      ['GET', '/ns_descriptors', a.http.get(`${base}?filter=(eq,nope,1)`).set(auth), 400],
      ['GET', '/ns_descriptors/{nsdInfoId}', a.http.get(`${base}/00000000-0000-4000-8000-000000000000`).set(auth), 404],
      ['GET', '/ns_descriptors', a.http.get(base).set(auth).set('Accept', 'text/html'), 406],
      ['DELETE', '/ns_descriptors/{nsdInfoId}', a.http.delete(`${base}/${c.body.id}`).set(auth), 409],
      ['PATCH', '/ns_descriptors/{nsdInfoId}', a.http.patch(`${base}/${c.body.id}`).set(auth).set('If-Match', '"stale.0"').set('Content-Type', 'application/merge-patch+json').send('{"userDefinedData":{}}'), 412],
    ];
    for (const [method, template, req, status] of cases) {
      const r = await req;
      expect(r.status).toBe(status);
      conforms(method, template, r);
    }
  });

  it('subscriptions and the notifications they receive (NsdmSubscription, NsdChangeNotification, NsdDeletionNotification)', async () => {
    const created = await a.http.post('/nsd/v1/subscriptions').set(auth).send({ callbackUri: `${sub.url}/v1`, filter: { notificationTypes: ['NsdChangeNotification', 'NsdDeletionNotification'] } });
    conforms('POST', '/subscriptions', created);
    conforms('GET', '/subscriptions', await a.http.get('/nsd/v1/subscriptions').set(auth));
    conforms('GET', '/subscriptions/{subscriptionId}', await a.http.get(`/nsd/v1/subscriptions/${created.body.id}`).set(auth));

    const c = await a.http.post(base).set(auth).send({});
    await a.t.db.dataSource.query(`UPDATE nsd_info SET doc = doc || '{"nsdOnboardingState":"ONBOARDED","nsdOperationalState":"ENABLED","nsdId":"v:n:1"}'::jsonb WHERE id = $1`, [c.body.id]);
    await a.http.patch(`${base}/${c.body.id}`).set(auth).set('Content-Type', 'application/merge-patch+json').send('{"nsdOperationalState":"DISABLED"}');
    await a.http.delete(`${base}/${c.body.id}`).set(auth);
    await sub.waitFor(2);
    const [change, deletion] = sub.received.map((r) => r.body);
    for (const [type, body] of [['NsdChangeNotification', change], ['NsdDeletionNotification', deletion]] as const) {
      const result = contract!.requestValidator('POST', `/URI_is_provided_by_the_client_when_creating_the_subscription-${type}`)(body);
      expect({ type, errors: result.errors }).toEqual({ type, errors: [] });
      // The schema is real: an empty body fails it.
      expect(contract!.requestValidator('POST', `/URI_is_provided_by_the_client_when_creating_the_subscription-${type}`)({}).valid).toBe(false);
    }
    conforms('DELETE', '/subscriptions/{subscriptionId}', await a.http.delete(`/nsd/v1/subscriptions/${created.body.id}`).set(auth));
  });
});
