import { OpenStackEmulator } from '../../src/adapters/emulated/openstack/openstack-emulator';
import { settleOccurrence } from '../support/lcm-flow';
import { sonPackage } from '../support/example-packages';
import { startReplica } from '../support/replica';
import { startTestApp, type TestApp } from '../support/test-app';
import { THREE_VNF_NSD_ID, threeVnfFiles } from '../support/three-vnf-service';

const V2 = { Version: '2.12.0' };
/** How long Nova takes to answer a server create (the server exists only then). */
const CREATE_LATENCY_MS = 4000;

/**
 * The defect seen on a real OpenStack: five three-VNF services instantiated at once on a project with a
 * quota of ten instances all passed placement and three failed at Nova (QUOTA_EXCEEDED). With two NFVO
 * replicas on one database taking the requests, placement now reserves what it places: three services
 * are placed and complete, the other two are refused at placement (422 naming the VIM and what is left),
 * and Nova refuses nothing. Which replica runs an operation is pg-boss's choice (often one fetches all
 * five); placements queue on a database lock either way, within a replica as across replicas.
 */
describe('placement reserves quota across replicas', () => {
  let nova: OpenStackEmulator;
  let replicas: TestApp[];
  let auth: Record<string, string>;
  let vimId: string;

  beforeAll(async () => {
    nova = await OpenStackEmulator.start({ quotas: { instances: 10 } });
    const first = await startTestApp({ NFVO_LCM_LEASE_SECONDS: '5' });
    replicas = [first, await startReplica(first, { NFVO_LCM_LEASE_SECONDS: '5' })];
    auth = { Authorization: `Bearer ${await first.token()}`, ...V2 };
    const site = await first.http.post('/nfvo/v1/sites').set(auth).send({ name: 'site-q' });
    const vim = await first.http.post('/nfvo/v1/vims').set(auth).send({ siteId: site.body.id, name: 'os-q', vimType: 'openstack', endpoint: nova.url, project: 'admin', credentials: { authType: 'password', username: 'admin', password: 'secret' } });
    if (vim.status !== 201) throw new Error(`VIM registration answered ${vim.status}: ${vim.text}`);
    vimId = vim.body.id;
    const nsd = (await first.http.post('/nsd/v2/ns_descriptors').set(auth).send({})).body.id as string;
    await first.http.put(`/nsd/v2/ns_descriptors/${nsd}/nsd_content`).set(auth).set('Content-Type', 'application/zip').send(await sonPackage(threeVnfFiles()));
    for (let i = 0; i < 300 && (await first.http.get(`/nsd/v2/ns_descriptors/${nsd}`).set(auth)).body.nsdOnboardingState !== 'ONBOARDED'; i++) await new Promise((r) => setTimeout(r, 100));
  }, 120_000);
  afterAll(async () => {
    // The second replica first: it runs on the first one's database.
    for (const r of [...(replicas ?? [])].reverse()) await r.close();
    await nova?.close();
  });

  const on = (i: number) => replicas[i % replicas.length].http;
  const settle = async (i: number, location: string) => (await settleOccurrence(on(i), auth, location)).body;
  const servers = () => nova.inventory().servers.length;

  it('five services of three servers at once on a quota of ten: three complete, two are refused at placement, Nova refuses none; what a terminate frees fits again; scale out and ADD_VNF reserve too', async () => {
    const ns = await Promise.all([0, 1, 2, 3, 4].map(async (i) => (await on(i).post('/nslcm/v2/ns_instances').set(auth).send({ nsdId: THREE_VNF_NSD_ID, nsName: `svc-${i}`, nsDescription: 'quota' })).body.id as string));
    // Servers appear at Nova only seconds after their create is sent, by when all five have been placed, so
    // placement decides on reservations alone: a server being created counts both in Nova's usage and in its
    // operation's reservation (conservative), which could refuse a third service that fits.
    nova.faults.latency('nova.servers.create', CREATE_LATENCY_MS);
    const started = await Promise.all(ns.map((id, i) => on(i).post(`/nslcm/v2/ns_instances/${id}/instantiate`).set(auth).send({ nsFlavourId: 'default' })));
    expect(started.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    const ended = await Promise.all(started.map((r, i) => settle(i + 1, r.headers.location)));

    const completed = ended.filter((o) => o.operationState === 'COMPLETED');
    const refused = ended.filter((o) => o.operationState !== 'COMPLETED');
    expect(completed).toHaveLength(3);
    expect(refused.map((o) => [o.operationState, o.error.status])).toEqual([['FAILED_TEMP', 422], ['FAILED_TEMP', 422]]);
    for (const o of refused) {
      expect(o.error.detail).toMatch(new RegExp(`^The service cannot be placed: function '[abc]' cannot be placed in any combination with the others: site-q: needs 1 instances, 0 free on os-q \\(${vimId}\\): limit 10, \\d+ in use, \\d+ reserved by operations in progress, 1 placed for this service$`));
    }
    // Each placed server was created once and none was refused: a quota 403 would have failed its step.
    expect([servers(), nova.faults.calls('nova.servers.create')]).toEqual([9, 9]);
    // Final operations hold nothing; the refused ones never held anything.
    expect(await replicas[0].t.db.dataSource.query(`SELECT * FROM vim_reservation`)).toEqual([]);

    // Terminating one frees its three instances: a refused service retried now fits, the other still does not.
    nova.faults.reset();
    const gone = completed[0].nsInstanceId as string;
    const term = await on(1).post(`/nslcm/v2/ns_instances/${gone}/terminate`).set(auth).send({});
    expect((await settle(0, term.headers.location)).operationState).toBe('COMPLETED');
    expect(servers()).toBe(6);
    const retry = async (i: number, occId: string) => settle(i, (await on(i).post(`/nslcm/v2/ns_lcm_op_occs/${occId}/retry`).set(auth)).headers.location);
    expect((await retry(0, refused[0].id)).operationState).toBe('COMPLETED');
    expect(servers()).toBe(9);
    const last = await retry(1, refused[1].id);
    expect([last.operationState, last.error?.status]).toEqual(['FAILED_TEMP', 422]);
    expect(last.error.detail).toContain(`needs 1 instances, 0 free on os-q (${vimId}): limit 10, 9 in use, 0 reserved by operations in progress, 1 placed for this service`);

    // Scaling out adds servers where the function runs: the last free instance goes to the first scale, the next is refused.
    const scaleOut = (i: number, nsId: string) => on(i).post(`/nslcm/v2/ns_instances/${nsId}/scale`).set(auth)
      .send({ scaleType: 'SCALE_NS', scaleNsData: { scaleNsByStepsData: [{ scalingDirection: 'SCALE_OUT', aspectId: 'a', numberOfSteps: 1 }] } });
    const [x, y] = completed.slice(1).map((o) => o.nsInstanceId as string);
    expect((await settle(0, (await scaleOut(0, x)).headers.location)).operationState).toBe('COMPLETED');
    expect(servers()).toBe(10);
    const full = await settle(1, (await scaleOut(1, y)).headers.location);
    expect([full.operationState, full.error?.status, full.error?.detail]).toEqual(['FAILED_TEMP', 422, `The SCALE cannot add 1 server: needs 1 instances, 0 free on os-q (${vimId}): limit 10, 10 in use, 0 reserved by operations in progress`]);
    expect([servers(), nova.faults.calls('nova.servers.create')]).toEqual([10, 4]);

    // ADD_VNF too: with c removed from x, y takes the freed instance by scaling out, and adding c back is refused.
    expect((await on(0).post(`/nslcm/v2/ns_lcm_op_occs/${full.id}/fail`).set(auth)).status).toBe(200);
    const update = async (i: number, nsId: string, body: object) => settle(i, (await on(i).post(`/nslcm/v2/ns_instances/${nsId}/update`).set(auth).send(body)).headers.location);
    const c = `${x.slice(0, 8)}-c`;
    expect((await update(1, x, { updateType: 'REMOVE_VNF', removeVnfInstanceId: [c] })).operationState).toBe('COMPLETED');
    expect((await settle(0, (await scaleOut(0, y)).headers.location)).operationState).toBe('COMPLETED');
    const readd = await update(1, x, { updateType: 'ADD_VNF', addVnfInstance: [{ vnfInstanceId: c, vnfProfileId: 'c' }] });
    expect([readd.operationState, readd.error?.detail]).toEqual(['FAILED_TEMP', `The UPDATE cannot add 1 server: needs 1 instances, 0 free on os-q (${vimId}): limit 10, 10 in use, 0 reserved by operations in progress`]);
    expect(servers()).toBe(10);
  }, 180_000);
});
