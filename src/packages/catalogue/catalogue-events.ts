import type { DomainEvent } from '../ports/event-log.port';
import type { NsdInfo } from '../nsd-info/nsd-info.model';
import type { VnfPkgInfo } from '../vnf-pkg-info/vnf-pkg-info.model';

/**
 * Catalogue domain events. `payload` holds the notification's own members (SOL005 cl. 5.5.2.8-5.5.2.13 and
 * 9.5.2.8-9.5.2.9); `match` holds the attributes subscription filters select on (cl. 5.5.3.2, 9.5.3.2).
 */
const nsdMatch = (n: NsdInfo) => ({
  nsdInfoId: n.id, nsdId: n.nsdId, nsdName: n.nsdName, nsdVersion: n.nsdVersion, nsdDesigner: n.nsdDesigner, nsdInvariantId: n.nsdInvariantId,
  vnfPkgIds: n.vnfPkgIds, nsdOnboardingState: n.nsdOnboardingState, nsdOperationalState: n.nsdOperationalState, nsdUsageState: n.nsdUsageState,
});

const pkgMatch = (p: VnfPkgInfo) => ({
  vnfPkgId: p.id, vnfdId: p.vnfdId, vnfProvider: p.vnfProvider, vnfProductName: p.vnfProductName, vnfSoftwareVersion: p.vnfSoftwareVersion,
  vnfdVersion: p.vnfdVersion, operationalState: p.operationalState, usageState: p.usageState,
});

const nsd = (type: string, n: NsdInfo, fields: Record<string, unknown> = {}): DomainEvent => ({
  type,
  subjectType: 'nsd',
  subjectId: n.id,
  payload: { nsdInfoId: n.id, ...(n.nsdId ? { nsdId: n.nsdId } : {}), ...fields, match: nsdMatch(n) },
});

const pkg = (type: string, p: VnfPkgInfo, fields: Record<string, unknown> = {}): DomainEvent => ({
  type,
  subjectType: 'vnf_pkg',
  subjectId: p.id,
  payload: { vnfPkgId: p.id, ...(p.vnfdId ? { vnfdId: p.vnfdId } : {}), ...fields, match: pkgMatch(p) },
});

export const nsdOnboarded = (n: NsdInfo) => nsd('NsdOnBoardingNotification', n);
export const nsdOnboardingFailed = (n: NsdInfo) => nsd('NsdOnBoardingFailureNotification', n, { onboardingFailureDetails: n.onboardingFailureDetails });
export const nsdChanged = (n: NsdInfo) => nsd('NsdChangeNotification', n, { nsdOperationalState: n.nsdOperationalState });
export const nsdDeleted = (n: NsdInfo) => nsd('NsdDeletionNotification', n);
export const vnfPkgOnboarded = (p: VnfPkgInfo) => pkg('VnfPackageOnboardingNotification', p);
export const vnfPkgChanged = (p: VnfPkgInfo) => pkg('VnfPackageChangeNotification', p, { changeType: 'OP_STATE_CHANGE', operationalState: p.operationalState });
export const vnfPkgDeleted = (p: VnfPkgInfo) => pkg('VnfPackageChangeNotification', p, { changeType: 'PKG_DELETE' });

/** Events of a PATCH: SOL005 reports operational-state changes (of onboarded items) only. */
export function changeEvents(kind: 'nsd' | 'vnf_pkg', before: NsdInfo | VnfPkgInfo, after: NsdInfo | VnfPkgInfo): DomainEvent[] {
  if (kind === 'nsd') {
    const [b, a] = [before as NsdInfo, after as NsdInfo];
    return b.nsdOperationalState !== a.nsdOperationalState ? [nsdChanged(a)] : [];
  }
  const [b, a] = [before as VnfPkgInfo, after as VnfPkgInfo];
  return b.operationalState !== a.operationalState ? [vnfPkgChanged(a)] : [];
}

/** Events of a DELETE: only an onboarded item was ever announced, so only its deletion is. */
export function deletionEvents(kind: 'nsd' | 'vnf_pkg', item: NsdInfo | VnfPkgInfo): DomainEvent[] {
  if (kind === 'nsd') return (item as NsdInfo).nsdOnboardingState === 'ONBOARDED' ? [nsdDeleted(item as NsdInfo)] : [];
  return (item as VnfPkgInfo).onboardingState === 'ONBOARDED' ? [vnfPkgDeleted(item as VnfPkgInfo)] : [];
}
