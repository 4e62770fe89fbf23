import type { OpenStackEmulator } from '../../src/adapters/emulated/openstack/openstack-emulator';
import { type EmulatedSitesHandle, startEmulatedSites } from '../../src/emulated-sites';
import { COMPLEX_NSD_ID as NSD_ID, onboardComplex, settleOccurrence } from '../support/lcm-flow';
import { startTestApp, type TestApp } from '../support/test-app';

const V2 = { Version: '2.12.0' };

/** VIM failures during an operation: FAILED_TEMP naming the step, then retry, rollback, continue, fail and cancel. */
describe('NS LCM operations under VIM faults', () => {
  let a: TestApp;
  let auth: Record<string, string>;
  let sites: EmulatedSitesHandle;
  const emu = (site: string): OpenStackEmulator => sites.clouds.emulator(site)!;

  beforeAll(async () => {
    a = await startTestApp({ NFVO_LCM_LEASE_SECONDS: '2', NFVO_LCM_STEP_ATTEMPTS: '2' });
    sites = (await startEmulatedSites(a.app, { ...a.config, emulatedSites: 'on' }, a.t.db.kind))!;
    auth = { Authorization: `Bearer ${await a.token()}`, ...V2 };
    await onboardComplex(a.http, auth);
  }, 120_000);
  afterEach(() => ['site-a', 'site-b'].forEach((s) => emu(s).faults.reset()));
  afterAll(async () => {
    await a?.close();
    await sites?.close();
  });

  const path = (location: string) => new URL(location).pathname;
  const settle = async (location: string) => (await settleOccurrence(a.http, auth, location)).body;
  const instantiate = async () => {
    const ns = (await a.http.post('/nslcm/v2/ns_instances').set(auth).send({ nsdId: NSD_ID, nsName: 'faulty', nsDescription: 'x' })).body;
    const r = await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/instantiate`).set(auth).send({ nsFlavourId: 'default' });
    return { ns, location: r.headers.location as string };
  };
  const task = (location: string, t: string, body: object = {}) => a.http.post(`${path(location)}/${t}`).set(auth).send(body);
  const leftFor = (nsId: string) => ['site-a', 'site-b'].map((s) => emu(s).inventory()).flatMap((inv) => [...inv.servers, ...inv.ports, ...inv.networks]).filter((r) => r.name.startsWith(`nfvo-${nsId.slice(0, 8)}`)).length;

  it('places nothing on a VIM that cannot tell what it uses: it counts as full', async () => {
    emu('site-a').faults.failNext('nova.limits.get', 1000, 503);
    const { ns, location } = await instantiate();
    const failed = await settle(location);
    expect([failed.operationState, failed.error.status]).toEqual(['FAILED_TEMP', 422]);
    expect(failed.error.detail).toMatch(/^The service cannot be placed: function 'fw' cannot be placed: site-a: needs 2 vCPU, 0 free on .* \(counted as full: site-a-openstack \([0-9a-f-]{36}\) at site-a did not report what it uses\)$/);
    expect(leftFor(ns.id)).toBe(0);
    expect((await task(location, 'fail')).status).toBe(200);
  });

  it('the VIM account\'s password changed mid-operation: FAILED_TEMP with Keystone\'s refusal, each refused step tried once, no storm of logins', async () => {
    const b = emu('site-b');
    const old = b.identity.password;
    b.faults.latency('nova.servers.create', 400);
    const { ns, location } = await instantiate();
    const occId = path(location).split('/').pop()!;
    for (let i = 0; i < 600 && !(await a.http.get(`/nfvo/v1/ns_lcm_op_occs/${occId}/plan`).set(auth)).body.steps?.some((st: { state: string; vimId?: string }) => st.state === 'DONE'); i++) await new Promise((r) => setTimeout(r, 20));
    const logins = b.tokenRequests;
    b.changePassword('rotated-by-the-cloud-operator'); // Keystone revokes the account's tokens with it
    try {
      const failed = await settle(location);
      expect(failed.operationState).toBe('FAILED_TEMP');
      expect(failed.error.detail).toMatch(/keystone\.tokens\.create answered UNAUTHORIZED \(HTTP 401\): The request you have made requires authentication\.$/);
      const refused = (await a.http.get(`/nfvo/v1/ns_lcm_op_occs/${failed.id}/plan`).set(auth)).body.steps.filter((st: { state: string }) => st.state === 'FAILED');
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.map((st: { attempts: number; error: { retryable: boolean } }) => [st.attempts, st.error.retryable])).toEqual(refused.map(() => [1, false]));
      // No retries against Keystone: one login per refused step at most (the contract suite shows one for
      // twenty concurrent calls, the refusal being remembered for a while).
      expect(b.tokenRequests - logins).toBeLessThanOrEqual(refused.length);
    } finally {
      b.changePassword(old);
    }
    // Once the refusal is forgotten (ten seconds), the restored password works again: a rollback leaves nothing.
    await new Promise((r) => setTimeout(r, 10_500));
    expect((await task(location, 'rollback')).status).toBe(202);
    expect((await settle(location)).operationState).toBe('ROLLED_BACK');
    expect(leftFor(ns.id)).toBe(0);
  }, 60_000);

  it('a step failing past its retries is FAILED_TEMP with the step, function, site and VIM message; retry completes it', async () => {
    emu('site-b').faults.failNext('nova.servers.create', 100, 500);
    const { ns, location } = await instantiate();
    const failed = await settle(location);
    expect(failed.operationState).toBe('FAILED_TEMP');
    // The operation still holds the NS instance: what it left half-done is not drift.
    expect((await a.http.post(`/nfvo/v1/ns_instances/${ns.id}/drift-check`).set(auth)).body.detail).toMatch(/^NS LCM operation .* \(INSTANTIATE, FAILED_TEMP\) holds NS instance/);
    expect(failed.error.detail).toMatch(/^Step server:lb\.lb-vm\.0 \(function lb, site [0-9a-f-]{36}, VIM [0-9a-f-]{36}\) failed: nova\.servers\.create answered SERVER_ERROR \(HTTP 500\): Injected fault on nova\.servers\.create\.$/);
    const plan = (await a.http.get(`/nfvo/v1/ns_lcm_op_occs/${failed.id}/plan`).set(auth)).body;
    expect(plan.steps.find((s: { id: string }) => s.id === 'server:lb.lb-vm.0')).toMatchObject({ state: 'FAILED', attempts: 2, error: { retryable: true } });
    expect(plan.steps.find((s: { id: string }) => s.id === 'server:fw.fw-vm.0').state).toBe('DONE');
    expect((await task(location, 'continue', {})).status).toBe(202); // accepted: the lb step is skipped...
    expect((await settle(location)).operationState).toBe('PARTIALLY_COMPLETED');
    expect((await a.http.get(`/nslcm/v2/ns_instances/${ns.id}`).set(auth)).body.nsState).toBe('INSTANTIATED');
    expect((await task(location, 'retry')).status).toBe(409); // final states take no task

    emu('site-b').faults.reset();
    emu('site-a').faults.failNext('nova.servers.create', 100, 500);
    const second = await instantiate();
    expect((await settle(second.location)).operationState).toBe('FAILED_TEMP');
    emu('site-a').faults.reset();
    const retried = await task(second.location, 'retry');
    expect([retried.status, retried.headers.location]).toEqual([202, second.location]);
    const afterRetry = await settle(second.location);
    expect([afterRetry.operationState, afterRetry.error?.detail]).toEqual(['COMPLETED', undefined]);
    const retriedPlan = (await a.http.get(`/nfvo/v1/ns_lcm_op_occs/${path(second.location).split('/').pop()}/plan`).set(auth)).body;
    expect(retriedPlan.steps.every((s: { state: string }) => s.state === 'DONE')).toBe(true);
  }, 120_000);

  it('rollback removes everything the operation made; fail ends it FAILED', async () => {
    emu('site-b').faults.failNext('nova.servers.create', 100, 503);
    const { ns, location } = await instantiate();
    expect((await settle(location)).operationState).toBe('FAILED_TEMP');
    expect(leftFor(ns.id)).toBeGreaterThan(0);
    expect((await task(location, 'rollback')).status).toBe(202);
    expect((await settle(location)).operationState).toBe('ROLLED_BACK');
    expect(leftFor(ns.id)).toBe(0);
    expect((await a.http.get(`/nslcm/v2/ns_instances/${ns.id}`).set(auth)).body.nsState).toBe('NOT_INSTANTIATED');
    expect((await a.http.delete(`/nslcm/v2/ns_instances/${ns.id}`).set(auth)).status).toBe(204);

    emu('site-b').faults.failNext('nova.servers.create', 100, 503);
    const other = await instantiate();
    expect((await settle(other.location)).operationState).toBe('FAILED_TEMP');
    const failed = await task(other.location, 'fail');
    expect([failed.status, failed.body.operationState]).toEqual([200, 'FAILED']);
    expect((await task(other.location, 'fail')).status).toBe(409);
    // FAILED leaves what was made on the VIMs, as SOL005 says; the NS instance remembers it, so nothing leaks.
    expect(leftFor(other.ns.id)).toBeGreaterThan(0);
    const refused = await a.http.delete(`/nslcm/v2/ns_instances/${other.ns.id}`).set(auth);
    expect([refused.status, refused.body.detail]).toEqual([409, expect.stringMatching(/still has resources on its VIMs/)]);
    emu('site-b').faults.reset();
    const again = await a.http.post(`/nslcm/v2/ns_instances/${other.ns.id}/instantiate`).set(auth).send({ nsFlavourId: 'default' });
    expect((await settle(again.headers.location)).operationState).toBe('COMPLETED');
    expect(emu('site-a').inventory().servers.filter((x) => x.name.startsWith(`nfvo-${other.ns.id.slice(0, 8)}`))).toHaveLength(1); // reused, not doubled
    const term = await a.http.post(`/nslcm/v2/ns_instances/${other.ns.id}/terminate`).set(auth).send({});
    expect((await settle(term.headers.location)).operationState).toBe('COMPLETED');
    expect(leftFor(other.ns.id)).toBe(0);
    expect((await a.http.delete(`/nslcm/v2/ns_instances/${other.ns.id}`).set(auth)).status).toBe(204);
  }, 120_000);

  it('cancel stops a running operation in FAILED_TEMP; a rollback then leaves nothing', async () => {
    emu('site-b').faults.latency('nova.servers.create', 1500);
    const { ns, location } = await instantiate();
    await new Promise((r) => setTimeout(r, 300));
    expect((await task(location, 'cancel', { cancelMode: 'BOGUS' })).status).toBe(400);
    expect((await task(location, 'cancel', { cancelMode: 'GRACEFUL' })).status).toBe(202);
    const cancelled = await settle(location);
    expect([cancelled.operationState, cancelled.isCancelPending, cancelled.error.title]).toEqual(['FAILED_TEMP', false, 'Cancelled']);
    expect((await task(location, 'cancel', { cancelMode: 'FORCEFUL' })).status).toBe(409);
    await task(location, 'rollback');
    expect((await settle(location)).operationState).toBe('ROLLED_BACK');
    expect(leftFor(ns.id)).toBe(0);
  }, 120_000);

  it('with 10% of VIM calls failing, every operation ends COMPLETED, or FAILED_TEMP after which retry completes it', async () => {
    for (const s of ['site-a', 'site-b']) emu(s).faults.errorRate(0.1, 503, s === 'site-a' ? 7 : 11, emu(s).operations().filter((op) => !op.startsWith('keystone.')));
    const { ns, location } = await instantiate();
    let occ = await settle(location);
    for (let i = 0; i < 5 && occ.operationState === 'FAILED_TEMP'; i++) {
      await task(location, 'retry');
      occ = await settle(location);
    }
    expect(occ.operationState).toBe('COMPLETED');
    const term = await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/terminate`).set(auth).send({});
    let t = await settle(term.headers.location);
    for (let i = 0; i < 5 && t.operationState === 'FAILED_TEMP'; i++) {
      await task(term.headers.location, 'retry');
      t = await settle(term.headers.location);
    }
    expect(t.operationState).toBe('COMPLETED');
    // The faults did happen: the operations got through them, not around them.
    expect(emu('site-a').faults.injected() + emu('site-b').faults.injected()).toBeGreaterThan(3);
    for (let i = 0; i < 50 && leftFor(ns.id) > 0; i++) await new Promise((r) => setTimeout(r, 100)); // deletes finish asynchronously
    expect(leftFor(ns.id)).toBe(0);
  }, 180_000);
});
