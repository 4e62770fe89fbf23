import { canonicalJson } from '../../shared/canonical-json';
import type { NsInstance, VnfInstance } from './ns-instance.model';
import type { ChangeResult, NsLcmOpOcc, ResourceChanges, VnfChangeType } from './ns-lcm-op-occ.model';

/** The NS's function (SOL005 vnfProfileId) a VNF instance runs: its id is `<first 8 of the NS id>-<function>`. */
export const profileOf = (vnfInstanceId: string): string => vnfInstanceId.slice(9);

const byId = <T extends { id: string }>(xs: T[] | undefined) => new Map((xs ?? []).map((x) => [x.id, x]));
const named = (params: Record<string, unknown> | undefined, key: string): Set<string> =>
  new Set(((params?.[key] as Array<{ vnfInstanceId: string }> | undefined) ?? []).map((v) => v.vnfInstanceId));

/** What happened to a VNF instance present before and after the operation, if anything. */
function kept(occ: NsLcmOpOcc, b: VnfInstance, a: VnfInstance): VnfChangeType | undefined {
  const p = occ.operationParams;
  const units = (v: VnfInstance) => canonicalJson(v.instantiatedVnfInfo?.vnfcResourceInfo ?? []);
  if (occ.lcmOperationType === 'SCALE') return units(b) !== units(a) ? 'SCALE' : undefined;
  if (occ.lcmOperationType === 'HEAL') return !named(p, 'healVnfData').size || named(p, 'healVnfData').has(a.id) ? 'HEAL' : undefined;
  if (p?.updateType === 'MODIFY_VNF_INFORMATION') return named(p, 'modifyVnfInfoData').has(a.id) ? 'MODIFY_INFORMATION' : undefined;
  return undefined;
}

/**
 * The resources an operation changed (SOL005 NsLcmOpOcc.resourceChanges), from the NS instance as it was
 * before and as it is after: VNF instances added, removed, scaled, healed or modified; virtual links and
 * VNFFGs added, deleted or modified.
 */
export function resourceChanges(occ: NsLcmOpOcc, before: NsInstance, after: NsInstance, changeResult: ChangeResult): ResourceChanges {
  const [b, a] = [byId(before.vnfInstance), byId(after.vnfInstance)];
  const vnf = (v: VnfInstance, changeType: VnfChangeType) => ({ vnfInstanceId: v.id, vnfdId: v.vnfdId, vnfProfileId: profileOf(v.id), ...(v.vnfInstanceName ? { vnfName: v.vnfInstanceName } : {}), changeType, changeResult });
  const affectedVnfs = [
    ...[...a.values()].filter((v) => !b.has(v.id)).map((v) => vnf(v, occ.lcmOperationType === 'INSTANTIATE' ? 'INSTANTIATE' : 'ADD')),
    ...[...b.values()].filter((v) => !a.has(v.id)).map((v) => vnf(v, occ.lcmOperationType === 'TERMINATE' ? 'TERMINATE' : 'REMOVE')),
    ...[...a.values()].flatMap((v) => { const t = b.has(v.id) ? kept(occ, b.get(v.id)!, v) : undefined; return t ? [vnf(v, t)] : []; }),
  ];
  const diff = <T extends { id: string }>(xs: T[] | undefined, ys: T[] | undefined) => {
    const [x, y] = [byId(xs), byId(ys)];
    return [
      ...[...y.values()].filter((v) => !x.has(v.id)).map((v) => ({ v, changeType: 'ADD' as const })),
      ...[...x.values()].filter((v) => !y.has(v.id)).map((v) => ({ v, changeType: 'DELETE' as const })),
      ...[...y.values()].filter((v) => x.has(v.id) && canonicalJson(x.get(v.id)) !== canonicalJson(v)).map((v) => ({ v, changeType: 'MODIFY' as const })),
    ];
  };
  const affectedVls = diff(before.virtualLinkInfo, after.virtualLinkInfo).map(({ v, changeType }) => ({ nsVirtualLinkInstanceId: v.id, nsVirtualLinkDescId: v.nsVirtualLinkDescId, vlProfileId: v.nsVirtualLinkProfileId, changeType, changeResult }));
  const affectedVnffgs = diff(before.vnffgInfo, after.vnffgInfo).map(({ v, changeType }) => ({ vnffgInstanceId: v.id, vnffgdId: v.vnffgdId, changeType, changeResult }));
  return {
    ...(affectedVnfs.length ? { affectedVnfs } : {}),
    ...(affectedVls.length ? { affectedVls } : {}),
    ...(affectedVnffgs.length ? { affectedVnffgs } : {}),
  };
}

/** The NsChangeNotification operation name (SOL005 LcmOpNameForChangeNotification) of a VNF change. */
export const CHANGE_NOTIFICATION_OP: Record<VnfChangeType, string> = {
  INSTANTIATE: 'VNF_INSTANTIATE', ADD: 'VNF_INSTANTIATE', TERMINATE: 'VNF_TERMINATE', REMOVE: 'VNF_TERMINATE',
  SCALE: 'VNF_SCALE', HEAL: 'VNF_HEAL', OPERATE: 'VNF_OPERATE', MODIFY_INFORMATION: 'VNF_MODIFY_INFO',
};
