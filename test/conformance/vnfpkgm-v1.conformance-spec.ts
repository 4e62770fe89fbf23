import { loadEtsiContract } from '../support/etsi/etsi-contract';
import { referenceSkipReason } from '../support/etsi/skip-reason';
import { startTestApp, type TestApp } from '../support/test-app';
import { readExample } from '../support/example-packages';
import { TestSubscriber } from '../support/subscriber';

/** Every vnfpkgm/v1 response body, validated against ETSI's SOL005 V2.4.1 VNF Package Management bundle. */
const skip = referenceSkipReason('vnfpkgm');
if (skip) console.log(`vnfpkgm/v1 conformance: ${skip}`);
const contract = loadEtsiContract('vnfpkgm');

(contract ? describe : describe.skip)('vnfpkgm/v1 responses conform to ETSI SOL005 V2.4.1', () => {
  let a: TestApp;
  let auth: Record<string, string>;
  const base = '/vnfpkgm/v1/vnf_packages';

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

  const conforms = (method: string, template: string, r: { status: number; body: unknown }) => {
    const result = contract!.responseValidator(method, template, r.status)(r.body);
    expect({ method, template, status: r.status, errors: result.errors }).toEqual({ method, template, status: r.status, errors: [] });
  };
  const settle = async (id: string) => {
    for (let i = 0; i < 200; i++) {
      const r = await a.http.get(`${base}/${id}`).set(auth);
      if (!['UPLOADING', 'PROCESSING'].includes(r.body.onboardingState)) return r;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('still onboarding');
  };

  it('create, onboard through a V2.4.1 multipart upload, read, list, modify, delete', async () => {
    const created = await a.http.post(base).set(auth).send({ userDefinedData: { owner: 'ops' } });
    conforms('POST', '/vnf_packages', created);
    const id = created.body.id;
    const put = await a.http.put(`${base}/${id}/package_content`).set(auth).attach('file', Buffer.from(readExample('firewall-vnfd.yaml')), { filename: 'fw.yaml', contentType: 'text/plain' });
    expect(put.status).toBe(202);
    conforms('PUT', '/vnf_packages/{vnfPkgId}/package_content', put);
    const onboarded = await settle(id);
    expect(onboarded.body.onboardingState).toBe('ONBOARDED');
    conforms('GET', '/vnf_packages/{vnfPkgId}', onboarded);
    await a.http.post(base).set(auth).send({});
    for (const q of ['', '?all_fields', '?fields=softwareImages', '?exclude_fields=userDefinedData', '?filter=(eq,onboardingState,ONBOARDED)']) {
      conforms('GET', '/vnf_packages', await a.http.get(`${base}${q}`).set(auth));
    }
    const disable = await a.http.patch(`${base}/${id}`).set(auth).set('Content-Type', 'application/merge-patch+json').send('{"operationalState":"DISABLED"}');
    conforms('PATCH', '/vnf_packages/{vnfPkgId}', disable);
    conforms('DELETE', '/vnf_packages/{vnfPkgId}', await a.http.delete(`${base}/${id}`).set(auth));
  });

  it('error bodies are ProblemDetails per the bundle', async () => {
    const c = await a.http.post(base).set(auth).send({});
    for (const [method, template, r, status] of [
      ['GET', '/vnf_packages/{vnfPkgId}', await a.http.get(`${base}/00000000-0000-4000-8000-000000000000`).set(auth), 404],
      ['GET', '/vnf_packages', await a.http.get(`${base}?filter=(eq,nope,1)`).set(auth), 400],
      ['GET', '/vnf_packages/{vnfPkgId}/package_content', await a.http.get(`${base}/${c.body.id}/package_content`).set(auth), 409],
      ['POST', '/vnf_packages/{vnfPkgId}/package_content/upload_from_uri', await a.http.post(`${base}/${c.body.id}/package_content/upload_from_uri`).set(auth).send({ addressInformation: 'not a uri' }), 400],
    ] as const) {
      expect(r.status).toBe(status);
      conforms(method, template, r);
    }
  });

  it('subscriptions and the notifications they receive (PkgmSubscription, VnfPackageOnboardingNotification, VnfPackageChangeNotification)', async () => {
    const created = await a.http.post('/vnfpkgm/v1/subscriptions').set(auth).send({ callbackUri: `${sub.url}/pkg-v1` });
    expect(created.status).toBe(201);
    conforms('GET', '/subscriptions', await a.http.get('/vnfpkgm/v1/subscriptions').set(auth));
    conforms('GET', '/subscriptions/{subscriptionId}', await a.http.get(`/vnfpkgm/v1/subscriptions/${created.body.id}`).set(auth));
    const id = (await a.http.post(base).set(auth).send({})).body.id;
    await a.http.put(`${base}/${id}/package_content`).set(auth).set('Content-Type', 'text/plain').send(readExample('loadbalancer-vnfd.yaml'));
    await settle(id);
    await a.http.patch(`${base}/${id}`).set(auth).set('Content-Type', 'application/merge-patch+json').send('{"operationalState":"DISABLED"}');
    await sub.waitFor(2);
    for (const body of sub.received.map((r) => r.body)) {
      const path = `/URI_is_provided_by_the_client_when_creating_the_subscription-${String(body.notificationType)}`;
      expect({ type: body.notificationType, errors: contract!.requestValidator('POST', path)(body).errors }).toEqual({ type: body.notificationType, errors: [] });
      expect(contract!.requestValidator('POST', path)({}).valid).toBe(false);
    }
    expect(sub.received.map((r) => r.body.notificationType)).toEqual(['VnfPackageOnboardingNotification', 'VnfPackageChangeNotification']);
  });
});
