import { COMPLEX_NSD_ID as NSD_ID, type LcmSites, settleOccurrence, startLcmSites } from '../support/lcm-flow';

/**
 * The registry refuses to remove a VIM, a WAN link or a switch host that an NS instance's resources depend
 * on: heal and terminate would otherwise find no way to reach them, and they would be left behind.
 */
describe('infrastructure in use by NS instances', () => {
  let h: LcmSites;
  let auth: Record<string, string>;
  beforeAll(async () => {
    h = await startLcmSites();
    auth = h.auth;
  });
  afterAll(async () => h?.close());

  const http = () => h.a.http;
  const remove = (path: string) => http().delete(`/nfvo/v1/${path}`).set(auth);

  it('answers 409 naming the NS instance while it runs there, and lets go once it is terminated', async () => {
    const ns = (await http().post('/nslcm/v2/ns_instances').set(auth).send({ nsdId: NSD_ID, nsName: 'in-use', nsDescription: 'infrastructure in use' })).body;
    const inst = await http().post(`/nslcm/v2/ns_instances/${ns.id}/instantiate`).set(auth).send({ nsFlavourId: 'default' });
    expect((await settleOccurrence(http(), auth, inst.headers.location)).body.operationState).toBe('COMPLETED');
    const sites: Array<{ id: string; name: string }> = (await http().get('/nfvo/v1/sites').set(auth)).body;
    const vims: Array<{ id: string; siteId: string }> = (await http().get('/nfvo/v1/vims').set(auth)).body;
    const [link] = (await http().get('/nfvo/v1/wan_links').set(auth)).body;
    const siteB = sites.find((s) => s.name === 'site-b')!;

    const vimB = vims.find((v) => v.siteId === siteB.id)!;
    const vimRefused = await remove(`vims/${vimB.id}`);
    expect(vimRefused.status).toBe(409);
    expect(vimRefused.body.detail).toContain(ns.id);
    expect(vimRefused.body.detail).toMatch(/terminate it first/);
    const linkRefused = await remove(`wan_links/${link.id}`);
    expect([linkRefused.status, linkRefused.body.detail]).toEqual([409, expect.stringContaining('WAN tunnels cross it')]);
    // A switch host registered for a site where the service's chain and tunnels run.
    const switchAt = (siteId: string) => http().post('/nfvo/v1/switches').set(auth).send({ siteId, host: '192.0.2.10', username: 'root', hostKeyFingerprint: `SHA256:${'A'.repeat(43)}`, bridge: 'br-int', privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n' });
    // What the service does not use goes at once, while it runs: a third site's link to site-a and its switch host.
    const siteC = (await http().post('/nfvo/v1/sites').set(auth).send({ name: 'site-c' })).body;
    const siteA = sites.find((s) => s.name === 'site-a')!;
    const otherLink = (await http().post('/nfvo/v1/wan_links').set(auth).send({ siteA: siteA.id, siteB: siteC.id, latencyMs: 5 })).body;
    const otherSwitch = (await switchAt(siteC.id)).body;
    expect((await remove(`switches/${otherSwitch.id}`)).status).toBe(204);
    expect((await remove(`wan_links/${otherLink.id}`)).status).toBe(204);
    expect((await remove(`sites/${siteC.id}`)).status).toBe(204);
    const sw = await switchAt(siteB.id);
    expect(sw.status).toBe(201);
    const swRefused = await remove(`switches/${sw.body.id}`);
    expect([swRefused.status, swRefused.body.detail]).toEqual([409, expect.stringContaining('service chain flows')]);
    expect((await http().get(`/nfvo/v1/switches/${sw.body.id}`).set(auth)).status).toBe(200);
    // This switch host never held the flows (the emulated switch did): take the record out by hand, so
    // the terminate below goes to the switch that has them.
    await h.a.t.db.dataSource.query(`DELETE FROM switch_host WHERE id = $1`, [sw.body.id]);

    const term = await http().post(`/nslcm/v2/ns_instances/${ns.id}/terminate`).set(auth).send({});
    expect((await settleOccurrence(http(), auth, term.headers.location)).body.operationState).toBe('COMPLETED');
    expect((await remove(`wan_links/${link.id}`)).status).toBe(204);
    expect((await remove(`vims/${vimB.id}`)).status).toBe(204);
  });
});
