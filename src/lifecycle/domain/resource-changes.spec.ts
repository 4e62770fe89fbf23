import type { NsInstance, VnfInstance } from './ns-instance.model';
import type { NsLcmOpOcc } from './ns-lcm-op-occ.model';
import { resourceChanges } from './resource-changes';

const vnf = (fn: string, servers: string[]): VnfInstance => ({
  id: `abcdef12-${fn}`, vnfInstanceName: fn, vnfdId: `v:${fn}:1`, vnfProvider: 'v', vnfProductName: fn, vnfSoftwareVersion: '1', vnfdVersion: '1', vnfPkgId: 'p', instantiationState: 'INSTANTIATED',
  instantiatedVnfInfo: { flavourId: 'default', vnfState: 'STARTED', vnfcResourceInfo: servers.map((s) => ({ id: s, vduId: 'vm', computeResource: { resourceId: s, vimLevelResourceType: 'OS::Nova::Server' } })) },
});
const ns = (vnfs: VnfInstance[], links: string[] = [], graphs: Array<[string, string]> = []): NsInstance => ({
  id: 'abcdef12-0000', nsInstanceName: 'n', nsInstanceDescription: '', nsdId: 'd', nsdInfoId: 'i', nsState: 'INSTANTIATED', vnfInstance: vnfs,
  virtualLinkInfo: links.map((l) => ({ id: l, nsVirtualLinkDescId: l, nsVirtualLinkProfileId: l })),
  vnffgInfo: graphs.map(([g, rule]) => ({ id: g, vnffgdId: g, vnfInstanceId: [], nfpInfo: [{ id: 'p', nfpdId: 'p', nfpName: 'p', cpGroup: [], nfpRule: { protocol: rule }, nfpState: 'ENABLED' }] })),
});
const occ = (lcmOperationType: NsLcmOpOcc['lcmOperationType'], operationParams: Record<string, unknown> = {}) => ({ lcmOperationType, operationParams }) as NsLcmOpOcc;

describe('resourceChanges', () => {
  it('instantiate adds every VNF, link and graph', () => {
    const r = resourceChanges(occ('INSTANTIATE'), ns([]), ns([vnf('fw', ['s1'])], ['mgmt'], [['chain', 'TCP']]), 'COMPLETED');
    expect(r).toEqual({
      affectedVnfs: [{ vnfInstanceId: 'abcdef12-fw', vnfdId: 'v:fw:1', vnfProfileId: 'fw', vnfName: 'fw', changeType: 'INSTANTIATE', changeResult: 'COMPLETED' }],
      affectedVls: [{ nsVirtualLinkInstanceId: 'mgmt', nsVirtualLinkDescId: 'mgmt', vlProfileId: 'mgmt', changeType: 'ADD', changeResult: 'COMPLETED' }],
      affectedVnffgs: [{ vnffgInstanceId: 'chain', vnffgdId: 'chain', changeType: 'ADD', changeResult: 'COMPLETED' }],
    });
  });

  it('a scale names only the VNFs whose units changed; an update names added, removed and modified parts', () => {
    const before = ns([vnf('fw', ['s1']), vnf('lb', ['s2'])], ['a'], [['chain', 'TCP']]);
    expect(resourceChanges(occ('SCALE'), before, ns([vnf('fw', ['s1']), vnf('lb', ['s2', 's3'])], ['a'], [['chain', 'TCP']]), 'COMPLETED').affectedVnfs!.map((v) => [v.vnfProfileId, v.changeType])).toEqual([['lb', 'SCALE']]);
    const r = resourceChanges(occ('UPDATE', { updateType: 'REMOVE_VNF' }), before, ns([vnf('lb', ['s2'])], [], [['chain', 'UDP']]), 'COMPLETED');
    expect([r.affectedVnfs!.map((v) => [v.vnfProfileId, v.changeType]), r.affectedVls!.map((l) => l.changeType), r.affectedVnffgs!.map((g) => g.changeType)]).toEqual([[['fw', 'REMOVE']], ['DELETE'], ['MODIFY']]);
    const healed = resourceChanges(occ('HEAL', { healVnfData: [{ vnfInstanceId: 'abcdef12-lb' }] }), before, before, 'COMPLETED');
    expect(healed.affectedVnfs!.map((v) => [v.vnfProfileId, v.changeType])).toEqual([['lb', 'HEAL']]);
  });
});
