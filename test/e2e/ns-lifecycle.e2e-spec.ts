import { randomUUID } from 'node:crypto';
import type { EmulatedClusterIac } from '../../src/adapters/terraform/emulated-cluster-iac';
import { IAC_PORT } from '../../src/lifecycle/ports/iac.port';
import { DriftWorker } from '../../src/lifecycle/drift.worker';
import { COMPLEX_NSD_ID as NSD_ID, type LcmSites, settleOccurrence, startLcmSites } from '../support/lcm-flow';
import type { TestSubscriber } from '../support/subscriber';
import type { TestApp } from '../support/test-app';

/** The complex example on the two emulated sites: instantiate, look at what exists, terminate, delete. */
describe('NS lifecycle of the complex example on emulated sites', () => {
  let h: LcmSites;
  let a: TestApp;
  let auth: Record<string, string>;
  let sub: TestSubscriber;
  const emu = (site: string) => h.emu(site);

  beforeAll(async () => {
    h = await startLcmSites();
    ({ a, auth, sub } = h);
  });
  afterAll(async () => h?.close());

  const settle = async (location: string) => (await settleOccurrence(a.http, auth, location)).body;

  it('instantiates on two sites, shows what runs, terminates and leaves nothing behind', async () => {
    const ns = (await a.http.post('/nslcm/v2/ns_instances').set(auth).send({ nsdId: NSD_ID, nsName: 'edge-web', nsDescription: 'e2e' })).body;
    const inst = await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/instantiate`).set(auth).send({ nsFlavourId: 'default' });
    expect(inst.status).toBe(202);
    const done = await settle(inst.headers.location);
    expect([done.operationState, done.error]).toEqual(['COMPLETED', undefined]);

    const view = (await a.http.get(`/nslcm/v2/ns_instances/${ns.id}?all_fields`).set(auth)).body;
    expect(view.nsState).toBe('INSTANTIATED');
    expect(view.vnfInstance.map((v: { vnfInstanceName: string }) => v.vnfInstanceName).sort()).toEqual(['backend', 'frontend', 'fw', 'lb']);
    const fw = view.vnfInstance.find((v: { vnfInstanceName: string }) => v.vnfInstanceName === 'fw');
    const siteA = emu('site-a').inventory();
    const siteB = emu('site-b').inventory();
    expect(siteA.servers.map((s) => s.name)).toEqual([`nfvo-${ns.id.slice(0, 8)}-fw-fw-vm-0`]);
    expect(siteB.servers.map((s) => s.name)).toEqual([`nfvo-${ns.id.slice(0, 8)}-lb-lb-vm-0`]);
    expect(fw.instantiatedVnfInfo.vnfcResourceInfo[0].computeResource).toEqual({ vimConnectionId: fw.vimId, resourceId: siteA.servers[0].id, vimLevelResourceType: 'OS::Nova::Server' });
    expect(siteA.servers[0].status).toBe('ACTIVE');
    expect(siteA.networks.map((n) => n.name).sort()).toEqual(['client-2-fw', 'fw-2-lb', 'mgmt'].map((n) => `nfvo-${ns.id.slice(0, 8)}-${n}`));
    const iac = a.app.get<{ emulated: EmulatedClusterIac }>(IAC_PORT, { strict: false }).emulated;
    // One stack for the two microservices on site-b's cluster: the front-end takes the back-end's Service address.
    expect([...iac.stacks.values()].map((s) => s.spec.functions.map((f) => f.functionId).sort())).toEqual([['backend', 'frontend']]);
    const [stack] = [...iac.stacks.values()];
    expect(stack.resources.sort()).toEqual(['kubernetes_deployment_v1.deployment-backend-api', 'kubernetes_deployment_v1.deployment-frontend-web', 'kubernetes_namespace_v1.namespace', 'kubernetes_service_v1.service-backend-api', 'kubernetes_service_v1.service-frontend-http']);
    const web = (stack.synthesized.json as any).resource.kubernetes_deployment_v1['deployment-frontend-web'];
    expect(web.spec.template.spec.container[0].env).toContainEqual({ name: 'BACKEND_URL', value: 'http://${kubernetes_service_v1.service-backend-api.metadata[0].name}.${kubernetes_service_v1.service-backend-api.metadata[0].namespace}:9000' });
    expect(web.depends_on).toEqual(['kubernetes_deployment_v1.deployment-backend-api']);
    const frontendVnf = view.vnfInstance.find((v: { vnfInstanceName: string }) => v.vnfInstanceName === 'frontend');
    expect(frontendVnf.instantiatedVnfInfo.vnfcResourceInfo).toEqual([{ id: 'frontend.web', vduId: 'web', computeResource: { vimConnectionId: frontendVnf.vimId, resourceId: `nfvo-${ns.id}/frontend-web`, vimLevelResourceType: 'OSContainer' } }]);
    const sw = h.switches();
    // One chain (one cookie): the client's web traffic is steered into the firewall's input port at site-a,
    // and the load balancer's output goes to site-b's cluster port, where the front-end answers.
    expect(sw.chains.size).toBe(1);
    expect(sw.flows).toContainEqual(expect.stringMatching(/^cookie=0x4e[0-9a-f]{14},priority=30000,tcp,tp_dst=80,actions=mod_dl_dst:[0-9a-f:]{17},output:tap[0-9a-f-]{11}$/));
    expect(sw.flows).toContainEqual(expect.stringMatching(/,output:k8s-nodes$/));
    // The two links that span both sites (mgmt, fw-2-lb): one tunnel port each, on both sides.
    expect(sw.tunnels.size).toBe(2);
    expect(sw.switches.map((s) => s.tunnels.size)).toEqual([2, 2]);
    // The topology shows where the traffic goes: a web packet traced through the emulated switches enters
    // the firewall at site-a, crosses the WAN tunnel, passes the load balancer and reaches site-b's cluster.
    const topo = (await a.http.get(`/nfvo/v1/ns_instances/${ns.id}/topology`).set(auth)).body;
    expect(topo.tunnels).toHaveLength(2);
    const [chain] = topo.chains;
    expect([chain.vnffgId, chain.nfpId, chain.hops.length, chain.switches.map((x: { siteId: string }) => x.siteId).sort()]).toEqual(['web-chain', 'client-to-frontend', 6, [chain.hops[1].siteId, chain.hops[3].siteId].sort()]);
    expect(chain.hops[1].siteId).not.toBe(chain.hops[3].siteId);
    expect(chain.trace.map((t: { result: string }) => t.result.replace(/tap[0-9a-f-]{11}|nv[0-9a-f]{12}/g, '<port>'))).toEqual([
      'output:<port>, into function fw, which forwards it out of <port>',
      'output:<port>, through the tunnel to site ' + chain.hops[3].siteId,
      'output:<port>, into function lb, which forwards it out of <port>',
      'output:k8s-nodes, to frontend:http',
    ]);
    expect((await a.http.get(`/nfvo/v1/ns_instances/${randomUUID()}/topology`).set(auth)).status).toBe(404);
    // The chain passes fw, lb and the two microservices: those are the forwarding graph's VNF instances.
    expect(view.vnffgInfo).toEqual([{ id: 'web-chain', vnffgdId: 'web-chain', vnfInstanceId: expect.arrayContaining(view.vnfInstance.map((v: { id: string }) => v.id)), nfpInfo: [expect.objectContaining({ id: 'client-to-frontend' })] }]);
    expect(view.vnffgInfo[0].vnfInstanceId).toHaveLength(4);

    // The stack as applied, for audit; a Deployment deleted behind the NFVO's back is drift, which heal repairs.
    const audit = (await a.http.get(`/nfvo/v1/ns_instances/${ns.id}/iac`).set(auth)).body;
    expect(audit.stacks).toEqual([{ vimId: stack.spec.vimId, name: stack.spec.name, functions: ['frontend', 'backend'], appliedBy: done.id, json: expect.objectContaining({ resource: expect.any(Object) }) }]);
    expect(Object.keys(audit.stacks[0].json.resource.kubernetes_deployment_v1).sort()).toEqual(['deployment-backend-api', 'deployment-frontend-web']);
    const drift = () => a.http.post(`/nfvo/v1/ns_instances/${ns.id}/drift-check`).set(auth);
    const lastDrift = () => a.http.get(`/nfvo/v1/ns_instances/${ns.id}/drift`).set(auth);
    expect((await lastDrift()).status).toBe(404);
    expect((await drift()).body).toMatchObject({ nsInstanceId: ns.id, drifted: false, stacks: [{ drifted: false, resources: [] }] });
    expect(iac.deleteOutOfBand(stack.spec.vimId, stack.spec.name, 'kubernetes_deployment_v1.deployment-backend-api')).toBe(true);
    // The scheduled round finds it (every instance not checked within the interval; 0 here) and keeps the report.
    expect(await a.app.get(DriftWorker).sweep(0)).toBe(1);
    expect((await lastDrift()).body).toMatchObject({ drifted: true, stacks: [{ drifted: true, resources: [{ address: 'kubernetes_deployment_v1.deployment-backend-api', action: 'create' }] }] });
    const backendVnf = view.vnfInstance.find((v: { vnfInstanceName: string }) => v.vnfInstanceName === 'backend');
    const healStack = await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/heal`).set(auth).send({ healVnfData: [{ vnfInstanceId: backendVnf.id }] });
    expect((await settle(healStack.headers.location)).operationState).toBe('COMPLETED');
    expect((await drift()).body.drifted).toBe(false);
    expect((await lastDrift()).body.drifted).toBe(false);
    expect((await a.http.post('/nfvo/v1/ns_instances/nope/drift-check').set(auth)).status).toBe(404);
    expect((await a.http.get(`/nfvo/v1/ns_instances/${crypto.randomUUID()}/iac`).set(auth)).status).toBe(404);

    // Heal: a server deleted behind the NFVO's back is built again, on its own ports; the rest is untouched.
    const lbBefore = emu('site-b').inventory().servers[0];
    expect(emu('site-a').deleteServerOutOfBand(siteA.servers[0].id)).toBe(true); // still being deleted when heal looks
    expect((await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/heal`).set(auth).send({ healNsData: {}, healVnfData: [] })).status).toBe(400);
    const heal = await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/heal`).set(auth).send({ healVnfData: [{ vnfInstanceId: fw.id, cause: 'server lost' }] });
    expect(heal.status).toBe(202);
    expect((await settle(heal.headers.location)).operationState).toBe('COMPLETED');
    const healedA = emu('site-a').inventory();
    expect(healedA.servers.map((s) => `${s.name}:${s.status}`)).toEqual([`nfvo-${ns.id.slice(0, 8)}-fw-fw-vm-0:ACTIVE`]);
    expect(healedA.servers[0].id).not.toBe(siteA.servers[0].id);
    expect(healedA.ports).toHaveLength(3);
    expect(emu('site-b').inventory().servers).toEqual([lbBefore]);
    const healedView = (await a.http.get(`/nslcm/v2/ns_instances/${ns.id}?all_fields`).set(auth)).body;
    expect(healedView.vnfInstance.find((v: { id: string }) => v.id === fw.id).instantiatedVnfInfo.vnfcResourceInfo[0].computeResource.resourceId).toBe(healedA.servers[0].id);

    // Update: a VNF instance's name and metadata change; the records survive the scaling below.
    expect((await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/update`).set(auth).send({ updateType: 'ADD_VNF', addVnfInstance: [] })).status).toBe(400);
    expect((await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/update`).set(auth).send({ updateType: 'CHANGE_NS_DF', changeNsFlavourData: {} })).status).toBe(400);
    expect((await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/update`).set(auth).send({ updateType: 'CHANGE_NS_DF' })).status).toBe(422);
    const upd = await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/update`).set(auth).send({ updateType: 'MODIFY_VNF_INFORMATION', modifyVnfInfoData: [{ vnfInstanceId: fw.id, vnfInstanceName: 'edge-firewall', metadata: { owner: 'noc' } }] });
    expect(upd.status).toBe(202);
    expect((await settle(upd.headers.location)).operationState).toBe('COMPLETED');
    const bogus = await settle((await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/update`).set(auth).send({ updateType: 'MODIFY_VNF_INFORMATION', modifyVnfInfoData: [{ vnfInstanceId: 'nope' }] })).headers.location);
    expect([bogus.operationState, bogus.error.status]).toEqual(['FAILED_TEMP', 422]);
    await a.http.post(`${new URL(bogus._links.self.href).pathname}/fail`).set(auth);

    // Scale the load balancer out to its maximum (2 copies), refuse a third, then back in.
    const lb = healedView.vnfInstance.find((v: { vnfInstanceName: string }) => v.vnfInstanceName === 'lb');
    const scale = (type: string) => a.http.post(`/nslcm/v2/ns_instances/${ns.id}/scale`).set(auth).send({ scaleType: 'SCALE_VNF', scaleVnfData: [{ vnfInstanceId: lb.id, scaleVnfType: type }] });
    const lbServers = () => emu('site-b').inventory().servers.map((s) => s.name).sort();
    const out = await scale('SCALE_OUT');
    expect(out.status).toBe(202);
    expect((await settle(out.headers.location)).operationState).toBe('COMPLETED');
    expect(lbServers()).toEqual([0, 1].map((i) => `nfvo-${ns.id.slice(0, 8)}-lb-lb-vm-${i}`));
    expect(emu('site-b').inventory().ports.filter((p) => p.name.includes('-lb-lb-vm-1-'))).toHaveLength(3);
    const scaledView = (await a.http.get(`/nslcm/v2/ns_instances/${ns.id}?all_fields`).set(auth)).body;
    expect(scaledView.vnfInstance.find((v: { id: string }) => v.id === lb.id).instantiatedVnfInfo.vnfcResourceInfo).toHaveLength(2);
    expect(scaledView.vnfInstance.find((v: { id: string }) => v.id === fw.id)).toMatchObject({ vnfInstanceName: 'edge-firewall', metadata: { owner: 'noc', siteId: expect.any(String) } });
    const tooFar = await settle((await scale('SCALE_OUT')).headers.location);
    expect([tooFar.operationState, tooFar.error.detail]).toEqual(['FAILED_TEMP', 'Function lb scales between 1 and 2 copies; the request asks for 3.']);
    expect((await a.http.post(`${new URL(tooFar._links.self.href).pathname}/fail`).set(auth)).status).toBe(200);
    expect(lbServers()).toHaveLength(2);
    expect((await settle((await scale('SCALE_IN')).headers.location)).operationState).toBe('COMPLETED');
    expect(lbServers()).toEqual([`nfvo-${ns.id.slice(0, 8)}-lb-lb-vm-0`]);
    expect(emu('site-b').inventory().ports.filter((p) => p.name.includes('-lb-lb-vm-1-'))).toHaveLength(0);

    const term = await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/terminate`).set(auth).send({});
    expect(term.status).toBe(202);
    expect((await settle(term.headers.location)).operationState).toBe('COMPLETED');
    expect((await a.http.get(`/nslcm/v2/ns_instances/${ns.id}`).set(auth)).body.nsState).toBe('NOT_INSTANTIATED');
    for (const s of ['site-a', 'site-b']) {
      const inv = emu(s).inventory();
      expect([inv.servers, inv.ports, inv.networks, inv.subnets, inv.serverGroups].map((l) => l.length)).toEqual([0, 0, 0, 0, 0]);
    }
    expect([iac.stacks.size, h.switches().tunnels.size, h.switches().chains.size]).toEqual([0, 0, 0]);
    expect((await a.http.delete(`/nslcm/v2/ns_instances/${ns.id}`).set(auth)).status).toBe(204);

    await sub.waitFor(33);
    const seen = sub.received.map((r) => r.body).filter((b) => b.nsInstanceId === ns.id)
      .map((b) => (b.notificationType === 'NsChangeNotification' ? `${b.lcmOpNameImpactingNsComponent}:${b.lcmOpOccStatusImpactingNsComponent}` : `${b.operation}:${b.notificationStatus}:${b.operationState}`));
    const vnfChanges = (op: string) => Array.from({ length: 4 }, () => `${op}:COMPLETED`);
    expect(seen).toEqual(['INSTANTIATE:START:PROCESSING', ...vnfChanges('VNF_INSTANTIATE'), 'INSTANTIATE:RESULT:COMPLETED', 'HEAL:START:PROCESSING', 'VNF_HEAL:COMPLETED', 'HEAL:RESULT:COMPLETED', 'HEAL:START:PROCESSING', 'VNF_HEAL:COMPLETED', 'HEAL:RESULT:COMPLETED',
      'UPDATE:START:PROCESSING', 'VNF_MODIFY_INFO:COMPLETED', 'UPDATE:RESULT:COMPLETED', 'UPDATE:START:PROCESSING', 'UPDATE:RESULT:FAILED_TEMP', 'UPDATE:RESULT:FAILED',
      'SCALE:START:PROCESSING', 'VNF_SCALE:COMPLETED', 'SCALE:RESULT:COMPLETED', 'SCALE:START:PROCESSING', 'SCALE:RESULT:FAILED_TEMP', 'SCALE:RESULT:FAILED', 'SCALE:START:PROCESSING', 'VNF_SCALE:COMPLETED', 'SCALE:RESULT:COMPLETED',
      'TERMINATE:START:PROCESSING', ...vnfChanges('VNF_TERMINATE'), 'TERMINATE:RESULT:COMPLETED']);
    const change = sub.received.map((r) => r.body).find((b) => b.notificationType === 'NsChangeNotification')!;
    expect(change).toMatchObject({ nsComponentType: 'VNF', nsComponentId: expect.stringMatching(/^[0-9a-f]{8}-(fw|lb|frontend|backend)$/), lcmOpOccIdImpactingNsComponent: expect.any(String) });
  });
});
