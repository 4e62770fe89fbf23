import { COMPLEX_NSD_ID as NSD_ID, type LcmSites, settleOccurrence, startLcmSites } from '../support/lcm-flow';
import type { TestSubscriber } from '../support/subscriber';
import type { TestApp } from '../support/test-app';

/** UpdateNsRequest on the complex example: VNFFG paths, removing and adding VNFs and graphs, and a rollback of a removal. */
describe('NS update of the complex example on emulated sites', () => {
  let h: LcmSites;
  let a: TestApp;
  let auth: Record<string, string>;
  let sub: TestSubscriber;
  let ns: { id: string };
  const emu = (site: string) => h.emu(site);
  const sw = () => h.switches();
  const view = async () => (await a.http.get(`/nslcm/v2/ns_instances/${ns.id}?all_fields`).set(auth)).body;
  const update = async (body: object, major = 'v2') => {
    const headers = { ...auth, ...(major === 'v1' ? { Version: '1.0.0' } : {}) };
    const r = await a.http.post(`/nslcm/${major}/ns_instances/${ns.id}/update`).set(headers).send(body);
    expect(r.status).toBe(202);
    return (await settleOccurrence(a.http, headers, r.headers.location)).body;
  };
  /** A refused update ends FAILED_TEMP with a 422 naming the problem; `fail` closes it so the next one can start. */
  const refused = async (body: object, major = 'v2') => {
    const occ = await update(body, major);
    expect([occ.operationState, occ.error.status]).toEqual(['FAILED_TEMP', 422]);
    expect((await a.http.post(`/nslcm/v2/ns_lcm_op_occs/${occ.id}/fail`).set(auth)).status).toBe(200);
    return occ.error.detail as string;
  };

  beforeAll(async () => {
    h = await startLcmSites();
    ({ a, auth, sub } = h);
    ns = (await a.http.post('/nslcm/v2/ns_instances').set(auth).send({ nsdId: NSD_ID, nsName: 'edge-web', nsDescription: 'updates' })).body;
    const inst = await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/instantiate`).set(auth).send({ nsFlavourId: 'default' });
    expect((await settleOccurrence(a.http, auth, inst.headers.location)).body.operationState).toBe('COMPLETED');
  });
  afterAll(async () => h?.close());

  it('refuses update requests whose data does not match their type, before any operation starts', async () => {
    const post = (body: object) => a.http.post(`/nslcm/v2/ns_instances/${ns.id}/update`).set(auth).send(body);
    expect((await post({ updateType: 'REMOVE_VNF' })).body.detail).toBe('updateType REMOVE_VNF needs removeVnfInstanceId with at least one entry.');
    expect((await post({ updateType: 'REMOVE_VNF', removeVnfInstanceId: ['x'], removeVnffgId: ['web-chain'] })).body.detail).toBe('removeVnffgId may only be present with its own updateType; this request is REMOVE_VNF.');
    expect((await post({ updateType: 'ADD_VNFFG', addVnffg: [{ vnffgdId: 'web-chain' }] })).status).toBe(400);
    expect((await post({ updateType: 'MOVE_VNF' })).status).toBe(422);
    expect((await a.http.get(`/nslcm/v2/ns_lcm_op_occs?filter=(eq,lcmOperationType,UPDATE)`).set(auth)).body).toEqual([]);
  });

  it('changes the classification rule of a path, and refuses rules it cannot match on', async () => {
    expect(await refused({ updateType: 'UPDATE_VNFFG', updateVnffg: [{ vnffgInfoId: 'web-chain', nfp: [{ nfpInfoId: 'client-to-frontend', nfpRule: { vlanTag: ['5'] } }] }] }))
      .toMatch(/^nfpRule members vlanTag are not supported/);
    expect(await refused({ updateType: 'UPDATE_VNFFG', updateVnffg: [{ vnffgInfoId: 'web-chain', nfp: [{ nfpInfoId: 'client-to-frontend', nfpRule: { sourceIpAddressPrefix: '10.0.0.0/33' } }] }] }))
      .toMatch(/sourceIpAddressPrefix "10.0.0.0\/33" is not an IP address prefix/);
    expect(await refused({ updateType: 'UPDATE_VNFFG', updateVnffg: [{ vnffgInfoId: 'web-chain', nfpInfoId: ['client-to-frontend'] }] })).toMatch(/without NFPs; remove the VNFFG instead/);

    const rule = { protocol: 'UDP', sourceIpAddressPrefix: '192.0.2.0/24', destinationPortRange: { lowerPort: 53, upperPort: 53 } };
    const occ = await update({ updateType: 'UPDATE_VNFFG', updateVnffg: [{ vnffgInfoId: 'web-chain', nfp: [{ nfpInfoId: 'client-to-frontend', nfpRule: rule }] }] });
    expect(occ.operationState).toBe('COMPLETED');
    expect(occ.resourceChanges).toEqual({ affectedVnffgs: [{ vnffgInstanceId: 'web-chain', vnffgdId: 'web-chain', changeType: 'MODIFY', changeResult: 'COMPLETED' }] });
    // The chain's entry now classifies the new rule, and nothing of the old one is left.
    expect(sw().flows.filter((f) => f.includes('priority=30000,'))).toEqual([expect.stringContaining(',priority=30000,udp,nw_src=192.0.2.0/24,tp_dst=53,actions=')]);
    expect(sw().flows.filter((f) => f.includes('tcp'))).toEqual([]);
    expect((await view()).vnffgInfo[0].nfpInfo[0].nfpRule).toEqual(rule);
  });

  it('removes a VNF only once no VNFFG passes it; a failed removal rolls back by building what it took away', async () => {
    const fw = `${ns.id.slice(0, 8)}-fw`;
    expect(await refused({ updateType: 'REMOVE_VNF', removeVnfInstanceId: [fw] })).toBe(`VNF profile fw is on forwarding graph web-chain of NS instance ${ns.id}; remove the VNFFG first (REMOVE_VNFFG).`);

    const noChain = await update({ updateType: 'REMOVE_VNFFG', removeVnffgId: ['web-chain'] });
    expect([noChain.operationState, noChain.resourceChanges.affectedVnffgs[0].changeType]).toEqual(['COMPLETED', 'DELETE']);
    expect(sw().chains.size).toBe(0);
    expect((await view()).vnffgInfo).toEqual([]);
    expect(await refused({ updateType: 'REMOVE_VNF', removeVnfInstanceId: [`${ns.id.slice(0, 8)}-backend`] })).toBe('frontend depends on VNF profile backend; remove it in the same request or first.');

    // The server goes, then deleting its ports keeps failing: FAILED_TEMP, and the rollback builds the server again.
    const before = emu('site-a').inventory().servers[0];
    emu('site-a').faults.failNext('neutron.ports.delete', 1000, 500);
    const failed = await update({ updateType: 'REMOVE_VNF', removeVnfInstanceId: [fw] });
    emu('site-a').faults.reset();
    expect([failed.operationState, failed.error.detail]).toEqual(['FAILED_TEMP', expect.stringMatching(/^Step port:fw\.fw-vm\.0\.eth\d \(function fw, site [^,]+, VIM [^)]+\) failed: neutron.ports.delete answered SERVER_ERROR \(HTTP 500\)/)]);
    expect(emu('site-a').inventory().servers).toEqual([]);
    const rb = await a.http.post(`/nslcm/v2/ns_lcm_op_occs/${failed.id}/rollback`).set(auth);
    expect(rb.status).toBe(202);
    expect((await settleOccurrence(a.http, auth, rb.headers.location ?? `http://x/nslcm/v2/ns_lcm_op_occs/${failed.id}`)).body.operationState).toBe('ROLLED_BACK');
    const rebuilt = emu('site-a').inventory().servers;
    expect(rebuilt.map((s) => [s.name, s.status])).toEqual([[before.name, 'ACTIVE']]);
    expect(rebuilt[0].id).not.toBe(before.id);
    const fwView = (await view()).vnfInstance.find((v: { id: string }) => v.id === fw);
    expect(fwView.instantiatedVnfInfo.vnfcResourceInfo[0].computeResource.resourceId).toBe(rebuilt[0].id);

    const removed = await update({ updateType: 'REMOVE_VNF', removeVnfInstanceId: [fw] });
    expect(removed.operationState).toBe('COMPLETED');
    expect(removed.resourceChanges.affectedVnfs).toEqual([{ vnfInstanceId: fw, vnfdId: 'eu.example.nfvo:firewall-vnf:1.0', vnfProfileId: 'fw', vnfName: 'fw', changeType: 'REMOVE', changeResult: 'COMPLETED' }]);
    const inv = emu('site-a').inventory();
    expect([inv.servers, inv.ports, inv.networks, inv.subnets].map((l) => l.length)).toEqual([0, 0, 0, 0]);
    expect(sw().tunnels.size).toBe(0);
    expect((await view()).vnfInstance.map((v: { vnfInstanceName: string }) => v.vnfInstanceName).sort()).toEqual(['backend', 'frontend', 'lb']);
  });

  it('adds the VNF back under its own id, then the VNFFG, and terminate leaves nothing behind', async () => {
    const fw = `${ns.id.slice(0, 8)}-fw`;
    expect(await refused({ updateType: 'ADD_VNFFG', addVnffg: [{ vnffgdId: 'web-chain', vnffgName: 'web', description: 'd' }] })).toBe(`VNFFG web-chain passes fw, which NS instance ${ns.id} does not run; add it first (ADD_VNF).`);
    expect(await refused({ updateType: 'ADD_VNF', addVnfInstance: [{ vnfInstanceId: 'mine', vnfProfileId: 'fw' }] }))
      .toBe(`This NFVO creates the VNF instances of an NS instance itself: the VNF instance of profile fw in NS instance ${ns.id} is ${fw}; send that vnfInstanceId.`);
    // SOL005 V2.4.1 spells the member addVnfIstance: the v1 API takes it.
    const added = await update({ updateType: 'ADD_VNF', addVnfIstance: [{ vnfInstanceId: fw, vnfProfileId: 'fw' }] }, 'v1');
    expect(added.error).toBeUndefined();
    expect([added.operationState, added.resourceChanges.affectedVnfs.map((v: { changeType: string }) => v.changeType)]).toEqual(['COMPLETED', ['ADD']]);
    expect(await refused({ updateType: 'ADD_VNF', addVnfInstance: [{ vnfInstanceId: fw, vnfProfileId: 'fw' }] })).toBe(`VNF profile fw already runs in NS instance ${ns.id} as VNF instance ${fw}.`);
    const inv = emu('site-a').inventory();
    expect([inv.servers.length, inv.ports.length, inv.networks.length]).toEqual([1, 3, 3]);
    expect(sw().tunnels.size).toBe(2);

    expect((await update({ updateType: 'ADD_VNFFG', addVnffg: [{ vnffgdId: 'web-chain', vnffgName: 'web', description: 'the web chain' }] })).operationState).toBe('COMPLETED');
    // Set up again as the NSD describes it: its own classifier, not the one an earlier update had given it.
    expect(sw().chains.size).toBe(1);
    expect(sw().flows.filter((f) => f.includes('priority=30000,'))).toEqual([expect.stringContaining(',priority=30000,tcp,tp_dst=80,actions=')]);

    const term = await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/terminate`).set(auth).send({});
    expect((await settleOccurrence(a.http, auth, term.headers.location)).body.operationState).toBe('COMPLETED');
    for (const s of ['site-a', 'site-b']) {
      const left = emu(s).inventory();
      expect([left.servers, left.ports, left.networks, left.subnets, left.serverGroups].map((l) => l.length)).toEqual([0, 0, 0, 0, 0]);
    }
    expect([sw().tunnels.size, sw().chains.size]).toEqual([0, 0]);
    // Notifications of one NS arrive in order, so once the terminate's RESULT is in, every component change is.
    const terminated = () => sub.received.some((r) => r.body.nsInstanceId === ns.id && r.body.operation === 'TERMINATE' && r.body.notificationStatus === 'RESULT');
    for (let i = 0; i < 400 && !terminated(); i++) await new Promise((r) => setTimeout(r, 50));
    const changes = sub.received.map((r) => r.body).filter((b) => b.notificationType === 'NsChangeNotification' && b.nsComponentId === fw).map((b) => b.lcmOpNameImpactingNsComponent);
    expect(changes).toEqual(['VNF_INSTANTIATE', 'VNF_TERMINATE', 'VNF_INSTANTIATE', 'VNF_TERMINATE']);
  });
});
