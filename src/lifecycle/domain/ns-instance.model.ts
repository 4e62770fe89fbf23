import type { KeyValuePairs } from '../../packages/catalogue/catalogue-item';
import type { NsState } from './ns-state.machine';

/**
 * A VNF instance inside an NS instance (SOL005 VnfInstance, the SOL003 data type), for VM
 * functions and for container functions alike; `vimId` and the resources say where it really runs.
 */
export interface VnfInstance {
  id: string;
  vnfInstanceName?: string;
  vnfInstanceDescription?: string;
  vnfdId: string;
  vnfProvider: string;
  vnfProductName: string;
  vnfSoftwareVersion: string;
  vnfdVersion: string;
  vnfPkgId: string;
  vimId?: string;
  instantiationState: 'NOT_INSTANTIATED' | 'INSTANTIATED';
  instantiatedVnfInfo?: {
    flavourId: string;
    vnfState: 'STARTED' | 'STOPPED';
    vnfcResourceInfo?: VnfcResourceInfo[];
  };
  vnfConfigurableProperties?: Record<string, unknown>;
  metadata?: KeyValuePairs;
}

/** One VM or container of a VNF (SOL003 VnfcResourceInfo with its ResourceHandle). */
export interface VnfcResourceInfo {
  id: string;
  vduId: string;
  computeResource: { vimConnectionId?: string; resourceId: string; vimLevelResourceType: 'OS::Nova::Server' | 'OSContainer' };
  vnfcCpInfo?: Array<{ id: string; cpdId: string; vnfExtCpId?: string; cpProtocolInfo?: Array<{ layerProtocol: 'IP_OVER_ETHERNET'; ipOverEthernet?: { macAddress?: string; ipAddresses?: Array<{ type: 'IPV4'; addresses: string[] }> } }> }>;
}

/** SOL005 NfpInfo (4.x, cl. 6.5.3.66): a forwarding path of a VNFFG, its hops and its classification rule. */
export interface NfpInfo {
  id: string;
  nfpdId: string;
  nfpName: string;
  cpGroup: Array<{ cpPairInfo: Array<{ vnfExtCpIds?: string[]; sapIds?: string[] }> }>;
  nfpRule: Record<string, unknown>;
  nfpState: 'ENABLED' | 'DISABLED';
}

/** SOL005 cl. 6.5.2.10 NsInstance as stored (without `_links`, derived per request). */
export interface NsInstance {
  id: string;
  nsInstanceName: string;
  nsInstanceDescription: string;
  nsdId: string;
  nsdInfoId: string;
  flavourId?: string;
  vnfInstance?: VnfInstance[];
  virtualLinkInfo?: Array<{ id: string; nsVirtualLinkDescId: string; nsVirtualLinkProfileId: string; resourceHandle?: Array<{ vimId?: string; resourceId: string; vimLevelResourceType: string }> }>;
  vnffgInfo?: Array<{ id: string; vnffgdId: string; vnfInstanceId: string[]; nsCpHandle?: unknown[]; nfpInfo?: NfpInfo[] }>;
  nsState: Exclude<NsState, 'DELETED'>;
}

/** Attribute order of cl. 6.5.2.10, so representations read like the standard's table. */
export const NS_INSTANCE_ATTRIBUTE_ORDER: ReadonlyArray<keyof NsInstance> = [
  'id', 'nsInstanceName', 'nsInstanceDescription', 'nsdId', 'nsdInfoId', 'flavourId', 'vnfInstance', 'virtualLinkInfo', 'vnffgInfo', 'nsState',
];
