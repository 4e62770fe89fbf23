import { NfvoError } from '../../shared/nfvo-error';
import { NSD_KIND, type NsdInfo } from '../nsd-info/nsd-info.model';
import { VNF_PKG_KIND, type VnfPkgInfo } from '../vnf-pkg-info/vnf-pkg-info.model';
import { applyModifications, assertDeletable } from './catalogue-item.rules';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as NfvoError).code;
  }
  return 'none';
};

describe('catalogue item rules', () => {
  const nsd = (over: Partial<NsdInfo> = {}): NsdInfo => ({ ...NSD_KIND.create('n'), ...over });
  const pkg = (over: Partial<VnfPkgInfo> = {}): VnfPkgInfo => ({ ...VNF_PKG_KIND.create('p'), ...over });

  it('creates CREATED, DISABLED, NOT_IN_USE items under each kind’s attribute names', () => {
    expect(NSD_KIND.create('x', { a: 1 })).toEqual({ id: 'x', nsdOnboardingState: 'CREATED', nsdOperationalState: 'DISABLED', nsdUsageState: 'NOT_IN_USE', userDefinedData: { a: 1 } });
    expect(VNF_PKG_KIND.create('y')).toEqual({ id: 'y', onboardingState: 'CREATED', operationalState: 'DISABLED', usageState: 'NOT_IN_USE' });
  });

  it('changes the operational state of an onboarded item only, and refuses a no-op', () => {
    expect(applyModifications(NSD_KIND, nsd({ nsdOnboardingState: 'ONBOARDED' }), { operationalState: 'ENABLED' }).nsdOperationalState).toBe('ENABLED');
    expect(applyModifications(VNF_PKG_KIND, pkg({ onboardingState: 'ONBOARDED' }), { operationalState: 'ENABLED' }).operationalState).toBe('ENABLED');
    expect(code(() => applyModifications(NSD_KIND, nsd(), { operationalState: 'ENABLED' }))).toBe('CONFLICT');
    expect(code(() => applyModifications(VNF_PKG_KIND, pkg({ onboardingState: 'ONBOARDED' }), { operationalState: 'DISABLED' }))).toBe('CONFLICT');
  });

  it('merges userDefinedData and drops it when emptied', () => {
    const a = applyModifications(NSD_KIND, nsd({ userDefinedData: { a: 1, b: 2 } }), { userDefinedData: { b: null, c: 3 } });
    expect(a.userDefinedData).toEqual({ a: 1, c: 3 });
    expect(applyModifications(NSD_KIND, a, { userDefinedData: { a: null, c: null } }).userDefinedData).toBeUndefined();
  });

  it('deletes only DISABLED and NOT_IN_USE, telling how to disable', () => {
    expect(code(() => assertDeletable(NSD_KIND, nsd()))).toBe('none');
    expect(code(() => assertDeletable(NSD_KIND, nsd({ nsdUsageState: 'IN_USE' })))).toBe('CONFLICT');
    expect(() => assertDeletable(VNF_PKG_KIND, pkg({ operationalState: 'ENABLED' }))).toThrow(/PATCH \{"operationalState":"DISABLED"\}/);
  });
});
