import { describeConformance } from '../support/etsi/conformance-suite';
import { readExample } from '../support/example-packages';

/** Every vnfpkgm/v1 response body, validated against ETSI's SOL005 V2.4.1 VNF Package Management bundle. */
describeConformance('vnfpkgm', 'vnfpkgm/v1 responses conform to ETSI SOL005 V2.4.1', (s) => {
  const base = '/vnfpkgm/v1/vnf_packages';
  const http = () => s.a.http;
  const settle = async (id: string) => {
    for (let i = 0; i < 200; i++) {
      const r = await http().get(`${base}/${id}`).set(s.auth);
      if (!['UPLOADING', 'PROCESSING'].includes(r.body.onboardingState)) return r;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('still onboarding');
  };

  it('create, onboard through a V2.4.1 multipart upload, read, list, modify, delete', async () => {
    const created = await http().post(base).set(s.auth).send({ userDefinedData: { owner: 'ops' } });
    s.conforms('POST', '/vnf_packages', created);
    const id = created.body.id;
    const put = await http().put(`${base}/${id}/package_content`).set(s.auth).attach('file', Buffer.from(readExample('firewall-vnfd.yaml')), { filename: 'fw.yaml', contentType: 'text/plain' });
    expect(put.status).toBe(202);
    s.conforms('PUT', '/vnf_packages/{vnfPkgId}/package_content', put);
    const onboarded = await settle(id);
    expect(onboarded.body.onboardingState).toBe('ONBOARDED');
    s.conforms('GET', '/vnf_packages/{vnfPkgId}', onboarded);
    await http().post(base).set(s.auth).send({});
    for (const q of ['', '?all_fields', '?fields=softwareImages', '?exclude_fields=userDefinedData', '?filter=(eq,onboardingState,ONBOARDED)']) {
      s.conforms('GET', '/vnf_packages', await http().get(`${base}${q}`).set(s.auth));
    }
    const disable = await http().patch(`${base}/${id}`).set(s.auth).set('Content-Type', 'application/merge-patch+json').send('{"operationalState":"DISABLED"}');
    s.conforms('PATCH', '/vnf_packages/{vnfPkgId}', disable);
    s.conforms('DELETE', '/vnf_packages/{vnfPkgId}', await http().delete(`${base}/${id}`).set(s.auth));
  });

  it('error bodies are ProblemDetails per the bundle', async () => {
    const c = await http().post(base).set(s.auth).send({});
    for (const [method, template, r, status] of [
      ['GET', '/vnf_packages/{vnfPkgId}', await http().get(`${base}/00000000-0000-4000-8000-000000000000`).set(s.auth), 404],
      ['GET', '/vnf_packages', await http().get(`${base}?filter=(eq,nope,1)`).set(s.auth), 400],
      ['GET', '/vnf_packages/{vnfPkgId}/package_content', await http().get(`${base}/${c.body.id}/package_content`).set(s.auth), 409],
      ['POST', '/vnf_packages/{vnfPkgId}/package_content/upload_from_uri', await http().post(`${base}/${c.body.id}/package_content/upload_from_uri`).set(s.auth).send({ addressInformation: 'not a uri' }), 400],
    ] as const) {
      expect(r.status).toBe(status);
      s.conforms(method, template, r);
    }
  });

  it('subscriptions and the notifications they receive (PkgmSubscription, VnfPackageOnboardingNotification, VnfPackageChangeNotification)', async () => {
    const created = await http().post('/vnfpkgm/v1/subscriptions').set(s.auth).send({ callbackUri: `${s.sub.url}/pkg-v1` });
    expect(created.status).toBe(201);
    s.conforms('GET', '/subscriptions', await http().get('/vnfpkgm/v1/subscriptions').set(s.auth));
    s.conforms('GET', '/subscriptions/{subscriptionId}', await http().get(`/vnfpkgm/v1/subscriptions/${created.body.id}`).set(s.auth));
    const id = (await http().post(base).set(s.auth).send({})).body.id;
    await http().put(`${base}/${id}/package_content`).set(s.auth).set('Content-Type', 'text/plain').send(readExample('loadbalancer-vnfd.yaml'));
    await settle(id);
    await http().patch(`${base}/${id}`).set(s.auth).set('Content-Type', 'application/merge-patch+json').send('{"operationalState":"DISABLED"}');
    await s.sub.waitFor(2);
    for (const body of s.sub.received.map((r) => r.body)) {
      const path = `/URI_is_provided_by_the_client_when_creating_the_subscription-${String(body.notificationType)}`;
      expect({ type: body.notificationType, errors: s.contract.requestValidator('POST', path)(body).errors }).toEqual({ type: body.notificationType, errors: [] });
      expect(s.contract.requestValidator('POST', path)({}).valid).toBe(false);
    }
    expect(s.sub.received.map((r) => r.body.notificationType)).toEqual(['VnfPackageOnboardingNotification', 'VnfPackageChangeNotification']);
  });
});
