import { type EmulatedSitesHandle, startEmulatedSites } from '../../src/emulated-sites';
import { onboardComplex, settleOccurrence } from '../support/lcm-flow';
import { describeConformance } from '../support/etsi/conformance-suite';

/**
 * Every nslcm/v1 response body, validated against ETSI's SOL005 V2.4.1 NS Lifecycle Management bundle,
 * through a whole life on the emulated sites: create, instantiate, scale, heal, terminate, tasks, delete.
 */
describeConformance('nslcm', 'nslcm/v1 responses conform to ETSI SOL005 V2.4.1', (s) => {
  const http = () => s.a.http;
  let sites: EmulatedSitesHandle;
  beforeAll(async () => {
    sites = (await startEmulatedSites(s.a.app, { ...s.a.config, emulatedSites: 'on' }, s.a.t.db.kind))!;
    await onboardComplex(http(), s.auth, 'v1');
  }, 60_000);
  afterAll(() => sites?.close());

  const settle = (location: string) => settleOccurrence(http(), s.auth, location);

  it('NS instances and occurrences through a whole life', async () => {
    const created = await http().post('/nslcm/v1/ns_instances').set(s.auth).send({ nsdId: 'eu.example.nfvo:complex-edge-web:1.0', nsName: 'v1', nsDescription: 'conformance' });
    s.conforms('POST', '/ns_instances', created);
    const id = created.body.id;
    const inst = await http().post(`/nslcm/v1/ns_instances/${id}/instantiate`).set(s.auth).send({ nsFlavourId: 'default' });
    expect(inst.status).toBe(202);
    const done = await settle(inst.headers.location);
    expect(done.body.operationState).toBe('COMPLETED');
    s.conforms('GET', '/ns_lcm_op_occs/{nsLcmOpOccId}', done);
    for (const q of ['', '?all_fields', '?exclude_default', '?fields=vnfInstance']) s.conforms('GET', '/ns_instances/{nsInstanceId}', await http().get(`/nslcm/v1/ns_instances/${id}${q}`).set(s.auth));
    for (const q of ['', '?all_fields', '?filter=(eq,nsState,INSTANTIATED)']) s.conforms('GET', '/ns_instances', await http().get(`/nslcm/v1/ns_instances${q}`).set(s.auth));
    const vnf = (await http().get(`/nslcm/v1/ns_instances/${id}?all_fields`).set(s.auth)).body.vnfInstance.find((v: { vnfInstanceName: string }) => v.vnfInstanceName === 'lb');
    const scaled = await settle((await http().post(`/nslcm/v1/ns_instances/${id}/scale`).set(s.auth).send({ scaleType: 'SCALE_VNF', scaleVnfData: [{ vnfInstanceId: vnf.id, scaleVnfType: 'SCALE_OUT' }] })).headers.location);
    expect(scaled.body.operationState).toBe('COMPLETED');
    const tooFar = await settle((await http().post(`/nslcm/v1/ns_instances/${id}/scale`).set(s.auth).send({ scaleType: 'SCALE_VNF', scaleVnfData: [{ vnfInstanceId: vnf.id, scaleVnfType: 'SCALE_OUT' }] })).headers.location);
    s.conforms('GET', '/ns_lcm_op_occs/{nsLcmOpOccId}', tooFar);
    const failed = await http().post(`${new URL(tooFar.body._links.self.href).pathname}/fail`).set(s.auth);
    s.conforms('POST', '/nslcm/v1/ns_lcm_op_occs/{nsLcmOpOccId}/fail', failed);
    // The bundle marks operationParams mandatory, but SOL005 cl. 6.4.9.3.2 excludes it (with error and
    // resourceChanges) from lists by default: the schema applies to the full structure.
    for (const q of ['?all_fields', '?all_fields&filter=(eq,lcmOperationType,SCALE)']) s.conforms('GET', '/ns_lcm_op_occs', await http().get(`/nslcm/v1/ns_lcm_op_occs${q}`).set(s.auth));
    expect((await http().get('/nslcm/v1/ns_lcm_op_occs').set(s.auth)).body.every((o: object) => !('operationParams' in o) && 'stateEnteredTime' in o)).toBe(true);
    // v1 clients filter on the V2.4.1 names, which map onto the stored attributes; the V4 name is unknown there.
    const since = await http().get(`/nslcm/v1/ns_lcm_op_occs?filter=(gte,stateEnteredTime,2000-01-01T00:00:00Z)`).set(s.auth);
    expect([since.status, since.body.length > 0]).toEqual([200, true]);
    expect((await http().get(`/nslcm/v1/ns_lcm_op_occs?filter=(gte,statusEnteredTime,2000-01-01T00:00:00Z)`).set(s.auth)).status).toBe(400);
    const vimId = (await http().get(`/nslcm/v1/ns_instances/${id}?all_fields`).set(s.auth)).body.virtualLinkInfo[0].resourceHandle[0].vimConnectionId;
    expect((await http().get(`/nslcm/v1/ns_instances?filter=(eq,virtualLinkInfo/resourceHandle/vimConnectionId,${vimId})`).set(s.auth)).body.map((n: { id: string }) => n.id)).toEqual([id]);
    expect((await settle((await http().post(`/nslcm/v1/ns_instances/${id}/terminate`).set(s.auth).send({})).headers.location)).body.operationState).toBe('COMPLETED');
    s.conforms('DELETE', '/ns_instances/{nsInstanceId}', await http().delete(`/nslcm/v1/ns_instances/${id}`).set(s.auth));
  }, 120_000);

  it('error bodies are ProblemDetails per the bundle', async () => {
    const id = (await http().post('/nslcm/v1/ns_instances').set(s.auth).send({ nsdId: 'eu.example.nfvo:complex-edge-web:1.0', nsName: 'e', nsDescription: 'e' })).body.id;
    const cases: Array<[string, string, Promise<{ status: number; body: unknown }>, number]> = [
      ['GET', '/ns_instances', http().get('/nslcm/v1/ns_instances?filter=(eq,nope,1)').set(s.auth), 400],
      ['GET', '/ns_instances/{nsInstanceId}', http().get('/nslcm/v1/ns_instances/00000000-0000-4000-8000-000000000000').set(s.auth), 404],
      ['POST', '/ns_instances/{nsInstanceId}/terminate', http().post(`/nslcm/v1/ns_instances/${id}/terminate`).set(s.auth).send({}), 409],
      ['GET', '/ns_lcm_op_occs/{nsLcmOpOccId}', http().get('/nslcm/v1/ns_lcm_op_occs/00000000-0000-4000-8000-000000000000').set(s.auth), 404],
    ];
    for (const [method, template, req, status] of cases) {
      const r = await req;
      expect(r.status).toBe(status);
      s.conforms(method, template, r);
    }
  });
});
