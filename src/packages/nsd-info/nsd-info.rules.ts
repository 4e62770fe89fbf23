import { NfvoError } from '../../shared/nfvo-error';
import { mergePatch } from '../../shared/merge-patch';
import type { NsdInfo, NsdInfoModifications } from './nsd-info.model';

/**
 * SOL005 cl. 5.4.3.3.4 (PATCH): the operational state may only change on an ONBOARDED NSD and only to
 * the other value (409 otherwise); userDefinedData is merged per RFC 7396.
 */
export function applyModifications(info: NsdInfo, mod: NsdInfoModifications): NsdInfo {
  const next: NsdInfo = { ...info };
  if (mod.nsdOperationalState !== undefined) {
    if (info.nsdOnboardingState !== 'ONBOARDED') {
      throw new NfvoError('CONFLICT', `The NSD's operational state can change only once it is ONBOARDED; it is ${info.nsdOnboardingState}.`);
    }
    if (info.nsdOperationalState === mod.nsdOperationalState) {
      throw new NfvoError('CONFLICT', `The NSD is already ${mod.nsdOperationalState}.`);
    }
    next.nsdOperationalState = mod.nsdOperationalState;
  }
  if (mod.userDefinedData !== undefined) {
    const merged = mergePatch(info.userDefinedData ?? {}, mod.userDefinedData) as Record<string, unknown>;
    if (Object.keys(merged).length) next.userDefinedData = merged;
    else delete next.userDefinedData;
  }
  return next;
}

/** SOL005 cl. 5.4.3.3.5 (DELETE): only a DISABLED NSD that no NS instance uses may be deleted. */
export function assertDeletable(info: NsdInfo): void {
  if (info.nsdOperationalState !== 'DISABLED' || info.nsdUsageState !== 'NOT_IN_USE') {
    throw new NfvoError(
      'CONFLICT',
      `The NSD can be deleted only when DISABLED and NOT_IN_USE; it is ${info.nsdOperationalState} and ${info.nsdUsageState}.` +
        (info.nsdOperationalState === 'ENABLED' ? ' Disable it first with PATCH {"nsdOperationalState":"DISABLED"}.' : ''),
    );
  }
}
