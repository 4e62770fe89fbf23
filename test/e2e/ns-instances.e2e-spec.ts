import { COMPLEX_NSD_ID as NSD_ID, onboardComplex } from '../support/lcm-flow';
import { TestSubscriber } from '../support/subscriber';
import { startTestApp, type TestApp } from '../support/test-app';

const V2 = { Version: '2.12.0' };

describe('NS instances and accepting LCM operations (nslcm/v2, SOL005 cl. 6.4)', () => {
  let a: TestApp;
  let auth: Record<string, string>;
  let sub: TestSubscriber;
  let nsdInfoId: string;

  beforeAll(async () => {
    a = await startTestApp({ NFVO_CALLBACK_ALLOW: '127.0.0.1' });
    auth = { Authorization: `Bearer ${await a.token()}`, ...V2 };
    sub = await new TestSubscriber().start();
    nsdInfoId = await onboardComplex(a.http, auth);
    expect((await a.http.post('/nslcm/v2/subscriptions').set(auth).send({ callbackUri: sub.url })).status).toBe(201);
  });
  afterAll(async () => {
    await a?.close();
    await sub?.close();
  });

  const nsd = async () => (await a.http.get(`/nsd/v2/ns_descriptors/${nsdInfoId}`).set(auth)).body;
  const create = (body: object) => a.http.post('/nslcm/v2/ns_instances').set(auth).send(body);
  const newNs = async (name = 'edge-web') => (await create({ nsdId: NSD_ID, nsName: name, nsDescription: 'test' })).body.id as string;
  const instantiate = (id: string) => a.http.post(`/nslcm/v2/ns_instances/${id}/instantiate`).set(auth).send({ nsFlavourId: 'default' });

  it('creates NOT_INSTANTIATED instances from the onboarded NSD, which is IN_USE until the last one is deleted', async () => {
    const r = await create({ nsdId: NSD_ID, nsName: 'edge-web-1', nsDescription: 'first' });
    expect(r.status).toBe(201);
    expect(r.headers.location).toBe(r.body._links.self.href);
    expect(r.body).toEqual({
      id: expect.any(String), nsInstanceName: 'edge-web-1', nsInstanceDescription: 'first', nsdId: NSD_ID, nsdInfoId, nsState: 'NOT_INSTANTIATED',
      _links: { self: { href: expect.stringMatching(/\/nslcm\/v2\/ns_instances\/[0-9a-f-]{36}$/) }, instantiate: { href: `${r.body._links.self.href}/instantiate` } },
    });
    expect((await nsd()).nsdUsageState).toBe('IN_USE');
    const second = await newNs('edge-web-2');
    // An NSD in use cannot be deleted, even once disabled.
    await a.http.patch(`/nsd/v2/ns_descriptors/${nsdInfoId}`).set(auth).set('Content-Type', 'application/merge-patch+json').send({ nsdOperationalState: 'DISABLED' });
    expect((await a.http.delete(`/nsd/v2/ns_descriptors/${nsdInfoId}`).set(auth)).status).toBe(409);
    expect((await create({ nsdId: NSD_ID, nsName: 'x', nsDescription: 'x' })).body.detail).toMatch(/DISABLED/);
    await a.http.patch(`/nsd/v2/ns_descriptors/${nsdInfoId}`).set(auth).set('Content-Type', 'application/merge-patch+json').send({ nsdOperationalState: 'ENABLED' });

    expect((await a.http.delete(`/nslcm/v2/ns_instances/${r.body.id}`).set(auth)).status).toBe(204);
    expect((await nsd()).nsdUsageState).toBe('IN_USE');
    expect((await a.http.delete(`/nslcm/v2/ns_instances/${second}`).set(auth)).status).toBe(204);
    expect((await nsd()).nsdUsageState).toBe('NOT_IN_USE');
    expect((await a.http.get(`/nslcm/v2/ns_instances/${second}`).set(auth)).status).toBe(404);
  });

  it('answers bad requests precisely', async () => {
    const unknown = await create({ nsdId: 'eu.example:nope:1', nsName: 'x', nsDescription: 'x' });
    expect([unknown.status, unknown.body.detail]).toEqual([422, 'No onboarded NSD has nsdId eu.example:nope:1; onboard it (nsd/v2/ns_descriptors) first.']);
    expect((await create({ nsdId: NSD_ID, nsDescription: 'x' })).status).toBe(400);
    expect((await create({ nsdId: NSD_ID, nsName: 'x', nsDescription: 'x', extra: 1 })).status).toBe(400);
    expect((await a.http.post('/nslcm/v2/ns_instances/00000000-0000-4000-8000-000000000000/instantiate').set(auth).send({ nsFlavourId: 'default' })).status).toBe(404);
    const id = await newNs();
    expect((await a.http.post(`/nslcm/v2/ns_instances/${id}/instantiate`).set(auth).send({})).status).toBe(400);
    const term = await a.http.post(`/nslcm/v2/ns_instances/${id}/terminate`).set(auth).send({});
    expect([term.status, term.body.detail]).toEqual([409, `NS instance ${id} is NOT_INSTANTIATED; terminate needs it INSTANTIATED (instantiate it first).`]);
    expect((await a.http.get('/nslcm/v2/ns_instances').set({ Authorization: auth.Authorization })).status).toBe(400); // Version is mandatory on v2
  });

  it('accepts instantiate in one transaction: 202 + Location; a second operation or a delete is 409; no VIM to place on ends FAILED_TEMP with why', async () => {
    const id = await newNs('edge-web-3');
    const r = await instantiate(id);
    expect(r.status).toBe(202);
    expect(r.text).toBe('');
    const occ = (await a.http.get(new URL(r.headers.location).pathname).set(auth)).body;
    expect(occ).toMatchObject({
      nsInstanceId: id, lcmOperationType: 'INSTANTIATE', isAutomaticInvocation: false,
      operationParams: { nsFlavourId: 'default' }, _links: { self: { href: r.headers.location }, nsInstance: { href: expect.stringContaining(id) } },
    });
    const again = await instantiate(id);
    expect([again.status, again.body.detail]).toEqual([409, expect.stringMatching(new RegExp(`^NS instance ${id} already has INSTANTIATE operation ${occ.id} in (PROCESSING|FAILED_TEMP); one LCM operation at a time\\.$`))]);
    expect((await a.http.delete(`/nslcm/v2/ns_instances/${id}`).set(auth)).body.detail).toMatch(/held by INSTANTIATE operation/);
    const listed = await a.http.get(`/nslcm/v2/ns_lcm_op_occs?filter=(eq,nsInstanceId,${id})`).set(auth);
    expect(listed.body.map((o: { id: string }) => o.id)).toEqual([occ.id]);
    expect(listed.body[0].operationParams).toBeUndefined(); // a complex attribute, left out by default

    // This test registers no sites: the worker cannot place the service and says so.
    const forNs = () => sub.received.map((x) => x.body).filter((b) => b.nsInstanceId === id);
    for (let i = 0; i < 200 && forNs().length < 3; i++) await new Promise((res) => setTimeout(res, 50));
    expect(forNs().map((b) => `${b.notificationType}:${b.notificationStatus ?? ''}:${b.operationState ?? ''}`)).toEqual([
      'NsIdentifierCreationNotification::', 'NsLcmOperationOccurrenceNotification:START:PROCESSING', 'NsLcmOperationOccurrenceNotification:RESULT:FAILED_TEMP',
    ]);
    expect(forNs()[1]._links).toEqual({ nsInstance: { href: expect.stringContaining(id) }, nslcmOpOcc: { href: r.headers.location }, subscription: expect.any(Object) });
    const failed = (await a.http.get(new URL(r.headers.location).pathname).set(auth)).body;
    expect(failed).toMatchObject({ operationState: 'FAILED_TEMP', error: { status: 422, detail: expect.stringMatching(/^The service cannot be placed: /) } });
    expect(Object.keys(failed._links).sort()).toEqual(['continue', 'fail', 'nsInstance', 'retry', 'rollback', 'self']);
    expect(forNs()[2].error).toEqual(failed.error);
  });

  it('of 50 parallel instantiate requests on one NS instance exactly one is accepted; 50 NS instances are accepted side by side', async () => {
    const id = await newNs('race');
    const results = await Promise.all(Array.from({ length: 50 }, () => instantiate(id)));
    expect(results.filter((x) => x.status === 202)).toHaveLength(1);
    expect(results.filter((x) => x.status === 409)).toHaveLength(49);
    const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => newNs(`many-${i}`)));
    const accepted = await Promise.all(ids.map(instantiate));
    expect(accepted.every((x) => x.status === 202)).toBe(true);
  });
});
