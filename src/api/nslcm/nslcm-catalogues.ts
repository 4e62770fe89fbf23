import type { AttributeCatalogue } from '../../sol013/filter';

const str = { type: 'string' } as const;
const strs = { type: 'string', array: true } as const;
const bool = { type: 'boolean' } as const;
const freeForm = { type: 'object', freeForm: true } as const;
const problem = { type: 'object', children: { type: str, title: str, status: { type: 'number' }, detail: str, instance: str } } as const;

const resourceHandle = { type: 'object', array: true, children: { vimId: str, resourceId: str, vimLevelResourceType: str } } as const;

/** NsInstance (SOL005 cl. 6.5.2.10) and the types it references: every attribute a filter may name. */
export const NS_INSTANCE_ATTRIBUTES: AttributeCatalogue = {
  id: str, nsInstanceName: str, nsInstanceDescription: str, nsdId: str, nsdInfoId: str, flavourId: str, nsState: str,
  vnfInstance: {
    type: 'object', array: true,
    children: {
      id: str, vnfInstanceName: str, vnfdId: str, vnfProvider: str, vnfProductName: str, vnfSoftwareVersion: str, vnfdVersion: str, vnfPkgId: str, vimId: str,
      instantiationState: str, metadata: freeForm,
      instantiatedVnfInfo: {
        type: 'object',
        children: {
          flavourId: str, vnfState: str,
          vnfcResourceInfo: { type: 'object', array: true, children: { id: str, vduId: str, computeResource: { type: 'object', children: { vimConnectionId: str, resourceId: str, vimLevelResourceType: str } } } },
        },
      },
    },
  },
  virtualLinkInfo: { type: 'object', array: true, children: { id: str, nsVirtualLinkDescId: str, nsVirtualLinkProfileId: str, resourceHandle } },
  vnffgInfo: { type: 'object', array: true, children: { id: str, vnffgdId: str, vnfInstanceId: strs } },
};

/** NsLcmOpOcc (SOL005 cl. 6.5.2.3). */
export const NS_LCM_OP_OCC_ATTRIBUTES: AttributeCatalogue = {
  id: str, operationState: str, statusEnteredTime: { type: 'datetime' }, nsInstanceId: str, lcmOperationType: str, startTime: { type: 'datetime' },
  isAutomaticInvocation: bool, operationParams: freeForm, isCancelPending: bool, cancelMode: str, error: problem,
  resourceChanges: {
    type: 'object',
    children: {
      affectedVnfs: { type: 'object', array: true, children: { vnfInstanceId: str, vnfdId: str, vnfProfileId: str, vnfName: str, changeType: str, changeResult: str } },
      affectedVls: { type: 'object', array: true, children: { id: str, vlProfileId: str, changeType: str, changeResult: str } },
    },
  },
};

/** exclude_default drops these (SOL005 cl. 6.4.2.3.2 and 6.4.9.3.2). */
export const NS_INSTANCE_COMPLEX_ATTRIBUTES = [['vnfInstance'], ['pnfInfo'], ['virtualLinkInfo'], ['vnffgInfo'], ['sapInfo'], ['nsScaleStatus'], ['additionalAffinityOrAntiAffinityRule']];
export const NS_LCM_OP_OCC_COMPLEX_ATTRIBUTES = [['operationParams'], ['error'], ['resourceChanges']];

/** The V2.4.1 (nslcm/v1) names of the same attributes, mapped onto the stored ones. */
export const NS_LCM_OP_OCC_ATTRIBUTES_V1: AttributeCatalogue = (() => {
  const { statusEnteredTime: _s, ...rest } = NS_LCM_OP_OCC_ATTRIBUTES;
  return { ...rest, stateEnteredTime: { type: 'datetime', storedAs: 'statusEnteredTime' } };
})();

export const NS_INSTANCE_ATTRIBUTES_V1: AttributeCatalogue = {
  ...NS_INSTANCE_ATTRIBUTES,
  virtualLinkInfo: {
    type: 'object', array: true,
    children: { id: str, nsVirtualLinkDescId: str, resourceHandle: { type: 'object', array: true, children: { vimConnectionId: { type: 'string', storedAs: 'vimId' }, resourceId: str, vimLevelResourceType: str } } },
  },
};
