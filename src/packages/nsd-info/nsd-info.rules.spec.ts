import { NfvoError } from '../../shared/nfvo-error';
import { type NsdInfo, newNsdInfo } from './nsd-info.model';
import { applyModifications, assertDeletable } from './nsd-info.rules';

const onboarded = (): NsdInfo => ({ ...newNsdInfo('id-1'), nsdOnboardingState: 'ONBOARDED', nsdOperationalState: 'ENABLED' });
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as NfvoError).code;
  }
  return 'none';
};

describe('NsdInfo rules', () => {
  it('starts CREATED, DISABLED, NOT_IN_USE', () => {
    expect(newNsdInfo('x')).toEqual({ id: 'x', nsdOnboardingState: 'CREATED', nsdOperationalState: 'DISABLED', nsdUsageState: 'NOT_IN_USE' });
  });
  it('changes the operational state of an onboarded NSD, and refuses a no-op or a not-onboarded one', () => {
    expect(applyModifications(onboarded(), { nsdOperationalState: 'DISABLED' }).nsdOperationalState).toBe('DISABLED');
    expect(code(() => applyModifications(onboarded(), { nsdOperationalState: 'ENABLED' }))).toBe('CONFLICT');
    expect(code(() => applyModifications(newNsdInfo('x'), { nsdOperationalState: 'ENABLED' }))).toBe('CONFLICT');
  });
  it('merges userDefinedData and drops it when emptied', () => {
    const a = applyModifications({ ...newNsdInfo('x'), userDefinedData: { a: 1, b: 2 } }, { userDefinedData: { b: null, c: 3 } });
    expect(a.userDefinedData).toEqual({ a: 1, c: 3 });
    expect(applyModifications(a, { userDefinedData: { a: null, c: null } }).userDefinedData).toBeUndefined();
  });
  it('deletes only DISABLED and NOT_IN_USE', () => {
    expect(code(() => assertDeletable(newNsdInfo('x')))).toBe('none');
    expect(code(() => assertDeletable(onboarded()))).toBe('CONFLICT');
    expect(code(() => assertDeletable({ ...newNsdInfo('x'), nsdUsageState: 'IN_USE' }))).toBe('CONFLICT');
  });
});
