import type { NsInstance } from '../domain/ns-instance.model';
import { buildInstantiatePlan } from '../plan/build-instantiate-plan';
import { complexDeployment } from '../plan/complex-example.fixture';
import { instantiatedView } from './ns-instance-view';

describe('instantiatedView', () => {
  const input = complexDeployment();
  // Only the VNFs are in the chain here; the microservices run beside it.
  input.service.forwardingGraphs[0].constituentFunctions = ['fw', 'lb'];
  const plan = buildInstantiatePlan(input);
  const outputs = { 'server:fw.fw-vm.0': { serverId: 'srv-fw' }, 'network:mgmt@site-a-openstack': { networkId: 'net-a' } };
  const ns: NsInstance = { id: input.nsInstanceId, nsInstanceName: 'n', nsInstanceDescription: 'd', nsdId: 'x', nsdInfoId: 'y', nsState: 'NOT_INSTANTIATED' };
  const view = instantiatedView(ns, { plan, outputs }, 'default');
  const ns8 = input.nsInstanceId.slice(0, 8);

  it('lists a forwarding graph\'s own VNF instances, not every VNF of the service', () => {
    expect(view.vnffgInfo).toEqual([{ id: 'web-chain', vnffgdId: 'web-chain', vnfInstanceId: [`${ns8}-fw`, `${ns8}-lb`], nfpInfo: [expect.objectContaining({ id: 'client-to-frontend' })] }]);
  });

  it('shows each path as an NfpInfo: its hops in order and its classifier as an NfpRule', () => {
    const [nfp] = view.vnffgInfo![0].nfpInfo!;
    expect(nfp).toMatchObject({ nfpdId: 'client-to-frontend', nfpState: 'ENABLED', nfpRule: { protocol: 'TCP', destinationPortRange: { lowerPort: 80, upperPort: 80 } } });
    expect(nfp.cpGroup.map((g) => g.cpPairInfo[0])).toEqual([
      { sapIds: ['client'] }, { vnfExtCpIds: [`${ns8}-fw:input`] }, { vnfExtCpIds: [`${ns8}-fw:output`] },
      { vnfExtCpIds: [`${ns8}-lb:input`] }, { vnfExtCpIds: [`${ns8}-lb:output`] }, { vnfExtCpIds: [`${ns8}-frontend:http`] },
    ]);
  });

  it('shows each function with its resources, VIM and package, and each link with its networks', () => {
    expect(view.nsState).toBe('INSTANTIATED');
    const fw = view.vnfInstance!.find((v) => v.vnfInstanceName === 'fw')!;
    expect(fw).toMatchObject({ id: `${ns8}-fw`, vimId: 'site-a-openstack', vnfPkgId: 'pkg-fw', vnfdId: 'eu.example.nfvo:firewall-vnf:1.0' });
    expect(fw.instantiatedVnfInfo!.vnfcResourceInfo).toEqual([{ id: 'fw.fw-vm.0', vduId: 'fw-vm', computeResource: { vimConnectionId: 'site-a-openstack', resourceId: 'srv-fw', vimLevelResourceType: 'OS::Nova::Server' } }]);
    expect(view.virtualLinkInfo!.find((l) => l.id === 'mgmt')!.resourceHandle).toEqual([
      { vimId: 'site-a-openstack', resourceId: 'net-a', vimLevelResourceType: 'OS::Neutron::Net' },
      { vimId: 'site-b-openstack', resourceId: expect.stringMatching(/-mgmt$/), vimLevelResourceType: 'OS::Neutron::Net' },
    ]);
  });
});
