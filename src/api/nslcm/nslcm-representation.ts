import type { NsInstance } from '../../lifecycle/domain/ns-instance.model';
import { NS_INSTANCE_ATTRIBUTE_ORDER } from '../../lifecycle/domain/ns-instance.model';
import type { NsLcmOpOcc } from '../../lifecycle/domain/ns-lcm-op-occ.model';
import { NS_LCM_OP_OCC_ATTRIBUTE_ORDER } from '../../lifecycle/domain/ns-lcm-op-occ.model';
import { OP_STATE } from '../../lifecycle/domain/op-state.machine';
import { pickInOrder } from '../../shared/pick-in-order';

const link = (href: string) => ({ href });

/** NsInstance with `_links` (SOL005 cl. 6.5.2.10): the task links that apply in its state. */
export function nsInstanceToApi(ns: NsInstance, base: string, major: 'v1' | 'v2' = 'v2'): object {
  const self = `${base}/ns_instances/${ns.id}`;
  const tasks = ns.nsState === 'NOT_INSTANTIATED' ? ['instantiate'] : ['terminate', 'update', 'scale', 'heal'];
  const doc = major === 'v1' ? toV1(ns) : ns;
  return { ...pickInOrder(doc, NS_INSTANCE_ATTRIBUTE_ORDER), _links: { self: link(self), ...Object.fromEntries(tasks.map((t) => [t, link(`${self}/${t}`)])) } };
}

/**
 * The SOL005 V2.4.1 shape of the same instance: a link's resource handles name their VIM `vimConnectionId`
 * and have no profile id; a VNFFG lists its PNFs (`pnfInfoId`, mandatory there, none here) and has no nfpInfo (4.x).
 */
function toV1(ns: NsInstance): NsInstance {
  return {
    ...ns,
    ...(ns.virtualLinkInfo ? {
      virtualLinkInfo: ns.virtualLinkInfo.map(({ nsVirtualLinkProfileId: _p, resourceHandle, ...l }) => ({
        ...l, resourceHandle: (resourceHandle ?? []).map(({ vimId, ...h }) => ({ vimConnectionId: vimId, ...h })),
      })) as unknown as NsInstance['virtualLinkInfo'],
    } : {}),
    ...(ns.vnffgInfo ? { vnffgInfo: ns.vnffgInfo.map(({ nfpInfo: _n, ...g }) => ({ ...g, pnfInfoId: [] })) } : {}),
  };
}

/**
 * NsLcmOpOcc with `_links` (SOL005 cl. 6.5.2.3): retry, rollback, continue, fail and cancel where the state
 * allows them. V2.4.1 (v1) names the time of the last state change `stateEnteredTime`, as its OpenAPI does.
 */
export function nsLcmOpOccToApi(occ: NsLcmOpOcc, base: string, major: 'v1' | 'v2' = 'v2'): object {
  const self = `${base}/ns_lcm_op_occs/${occ.id}`;
  const tasks = [
    ['retry', 'RETRY'], ['rollback', 'ROLLBACK'], ['continue', 'CONTINUE'], ['fail', 'FAIL'], ['cancel', 'CANCELLED'],
  ].filter(([t, event]) => OP_STATE.can(occ.operationState, event as never) && !(t === 'cancel' && occ.isCancelPending)).map(([t]) => t);
  const fields = pickInOrder(occ, NS_LCM_OP_OCC_ATTRIBUTE_ORDER) as Record<string, unknown>;
  const shaped = major === 'v1' ? Object.fromEntries(Object.entries(fields).map(([k, v]) => [k === 'statusEnteredTime' ? 'stateEnteredTime' : k, v])) : fields;
  return {
    ...shaped,
    _links: { self: link(self), nsInstance: link(`${base}/ns_instances/${occ.nsInstanceId}`), ...Object.fromEntries(tasks.map((t) => [t, link(`${self}/${t}`)])) },
  };
}
