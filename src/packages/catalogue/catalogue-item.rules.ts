import { NfvoError } from '../../shared/nfvo-error';
import { mergePatch } from '../../shared/merge-patch';
import { type CatalogueKind, type Modifications, stateOf } from './catalogue-item';

/**
 * SOL005 cl. 5.4.3.3.4 / 9.4.3.3.4 (PATCH): the operational state may change only on an ONBOARDED
 * item and only to the other value (409 otherwise); userDefinedData is merged per RFC 7396.
 */
export function applyModifications<T extends { userDefinedData?: Record<string, unknown> }>(kind: CatalogueKind<T>, item: T, mod: Modifications): T {
  const next: T = { ...item };
  if (mod.operationalState !== undefined) {
    const onboarding = stateOf(item, kind.onboarding);
    if (onboarding !== 'ONBOARDED') {
      throw new NfvoError('CONFLICT', `The ${kind.noun}'s operational state can change only once it is ONBOARDED; it is ${onboarding}.`);
    }
    if (stateOf(item, kind.operational) === mod.operationalState) {
      throw new NfvoError('CONFLICT', `The ${kind.noun} is already ${mod.operationalState}.`);
    }
    (next as Record<string, unknown>)[kind.operational] = mod.operationalState;
  }
  if (mod.userDefinedData !== undefined) {
    const merged = mergePatch(item.userDefinedData ?? {}, mod.userDefinedData) as Record<string, unknown>;
    if (Object.keys(merged).length) next.userDefinedData = merged;
    else delete next.userDefinedData;
  }
  return next;
}

/** SOL005 cl. 5.4.3.3.5 / 9.4.3.3.5 (DELETE): only a DISABLED item that nothing uses may be deleted. */
export function assertDeletable<T>(kind: CatalogueKind<T>, item: T): void {
  const op = stateOf(item, kind.operational);
  const usage = stateOf(item, kind.usage);
  if (op !== 'DISABLED' || usage !== 'NOT_IN_USE') {
    throw new NfvoError(
      'CONFLICT',
      `The ${kind.noun} can be deleted only when DISABLED and NOT_IN_USE; it is ${op} and ${usage}.` +
        (op === 'ENABLED' ? ` Disable it first with PATCH {"${kind.operational}":"DISABLED"}.` : ''),
    );
  }
}
