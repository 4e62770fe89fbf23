import { describeConformance } from '../support/etsi/conformance-suite';

/**
 * Every response body of the nsd/v1 routes, validated against ETSI's own SOL005 V2.4.1 NSD Management
 * bundle (with the defects listed by the contract's `quirks` corrected, e.g. the "statussss" typo).
 */
describeConformance('nsd', 'nsd/v1 responses conform to ETSI SOL005 V2.4.1', (s) => {
  const base = '/nsd/v1/ns_descriptors';
  const http = () => s.a.http;

  it('POST, GET one, GET list (all selectors, paging), PATCH, DELETE', async () => {
    const created = await http().post(base).set(s.auth).send({ userDefinedData: { site: 'a', n: 1 } });
    s.conforms('POST', '/ns_descriptors', created);
    const id = created.body.id;
    s.conforms('GET', '/ns_descriptors/{nsdInfoId}', await http().get(`${base}/${id}`).set(s.auth));

    // An onboarded one exercises the optional attributes the onboarding issue fills in.
    const onboarded = await http().post(base).set(s.auth).send({});
    await s.a.t.db.dataSource.query(`UPDATE nsd_info SET doc = doc || $2::jsonb WHERE id = $1`, [
      onboarded.body.id,
      JSON.stringify({ nsdOnboardingState: 'ONBOARDED', nsdId: 'd1', nsdName: 'fw', nsdVersion: '1.0', nsdDesigner: 'acme', nsdInvariantId: 'inv-1', vnfPkgIds: ['p1'] }),
    ]);
    s.conforms('GET', '/ns_descriptors/{nsdInfoId}', await http().get(`${base}/${onboarded.body.id}`).set(s.auth));
    await http().post(base).set(s.auth).send({});

    for (const q of ['', '?all_fields', '?exclude_default', '?fields=userDefinedData', '?exclude_fields=userDefinedData', '?filter=(eq,nsdOnboardingState,CREATED)']) {
      const page = await http().get(`${base}${q}`).set(s.auth);
      expect(page.status).toBe(200);
      s.conforms('GET', '/ns_descriptors', page);
    }
    const first = await http().get(base).set(s.auth);
    const next = /<([^>]+)>/.exec(first.headers.link)![1];
    s.conforms('GET', '/ns_descriptors', await http().get(new URL(next).pathname + new URL(next).search).set(s.auth));

    const patched = await http().patch(`${base}/${id}`).set(s.auth).set('Content-Type', 'application/merge-patch+json').send(JSON.stringify({ userDefinedData: { n: 2 } }));
    s.conforms('PATCH', '/ns_descriptors/{nsdInfoId}', patched);
    const enabled = await http().patch(`${base}/${onboarded.body.id}`).set(s.auth).set('Content-Type', 'application/merge-patch+json').send(JSON.stringify({ nsdOperationalState: 'ENABLED' }));
    s.conforms('PATCH', '/ns_descriptors/{nsdInfoId}', enabled);

    const del = await http().delete(`${base}/${id}`).set(s.auth);
    s.conforms('DELETE', '/ns_descriptors/{nsdInfoId}', del);
  });

  it('error bodies are ProblemDetails per the bundle (400, 404, 406, 409, 412)', async () => {
    const c = await http().post(base).set(s.auth).send({});
    await s.a.t.db.dataSource.query(`UPDATE nsd_info SET doc = doc || '{"nsdOnboardingState":"ONBOARDED","nsdOperationalState":"ENABLED"}'::jsonb WHERE id = $1`, [c.body.id]);
    const cases: Array<[string, string, Promise<{ status: number; body: unknown }>, number]> = [
      ['GET', '/ns_descriptors', http().get(`${base}?filter=(eq,nope,1)`).set(s.auth), 400],
      ['GET', '/ns_descriptors/{nsdInfoId}', http().get(`${base}/00000000-0000-4000-8000-000000000000`).set(s.auth), 404],
      ['GET', '/ns_descriptors', http().get(base).set(s.auth).set('Accept', 'text/html'), 406],
      ['DELETE', '/ns_descriptors/{nsdInfoId}', http().delete(`${base}/${c.body.id}`).set(s.auth), 409],
      ['PATCH', '/ns_descriptors/{nsdInfoId}', http().patch(`${base}/${c.body.id}`).set(s.auth).set('If-Match', '"stale.0"').set('Content-Type', 'application/merge-patch+json').send('{"userDefinedData":{}}'), 412],
    ];
    for (const [method, template, req, status] of cases) {
      const r = await req;
      expect(r.status).toBe(status);
      s.conforms(method, template, r);
    }
  });

  it('subscriptions and the notifications they receive (NsdmSubscription, NsdChangeNotification, NsdDeletionNotification)', async () => {
    const created = await http().post('/nsd/v1/subscriptions').set(s.auth).send({ callbackUri: `${s.sub.url}/v1`, filter: { notificationTypes: ['NsdChangeNotification', 'NsdDeletionNotification'] } });
    s.conforms('POST', '/subscriptions', created);
    s.conforms('GET', '/subscriptions', await http().get('/nsd/v1/subscriptions').set(s.auth));
    s.conforms('GET', '/subscriptions/{subscriptionId}', await http().get(`/nsd/v1/subscriptions/${created.body.id}`).set(s.auth));

    const c = await http().post(base).set(s.auth).send({});
    await s.a.t.db.dataSource.query(`UPDATE nsd_info SET doc = doc || '{"nsdOnboardingState":"ONBOARDED","nsdOperationalState":"ENABLED","nsdId":"v:n:1"}'::jsonb WHERE id = $1`, [c.body.id]);
    await http().patch(`${base}/${c.body.id}`).set(s.auth).set('Content-Type', 'application/merge-patch+json').send('{"nsdOperationalState":"DISABLED"}');
    await http().delete(`${base}/${c.body.id}`).set(s.auth);
    await s.sub.waitFor(2);
    const [change, deletion] = s.sub.received.map((r) => r.body);
    for (const [type, body] of [['NsdChangeNotification', change], ['NsdDeletionNotification', deletion]] as const) {
      const result = s.contract.requestValidator('POST', `/URI_is_provided_by_the_client_when_creating_the_subscription-${type}`)(body);
      expect({ type, errors: result.errors }).toEqual({ type, errors: [] });
      // The schema is real: an empty body fails it.
      expect(s.contract.requestValidator('POST', `/URI_is_provided_by_the_client_when_creating_the_subscription-${type}`)({}).valid).toBe(false);
    }
    s.conforms('DELETE', '/subscriptions/{subscriptionId}', await http().delete(`/nsd/v1/subscriptions/${created.body.id}`).set(s.auth));
  });
});
