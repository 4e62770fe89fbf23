import { NSD_FILE, runRule, svc, validSet, where } from '../test-fixtures';
import { unknownFunctionDescriptorRule as rule } from './unknown-function-descriptor.rule';

describe('integrity.unknown-function-descriptor', () => {
  it('accepts functions whose descriptors are in the package', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('resolves against already onboarded descriptors', () => {
    const set = validSet();
    const onboarded = set.functions.splice(0, 1);
    expect(runRule(rule, set)).toHaveLength(1);
    expect(runRule(rule, set, { extraFunctions: onboarded })).toEqual([]);
  });

  it('suggests the versions that exist when only the version is wrong', () => {
    const set = validSet();
    svc(set).functions[1].descriptor.version = '9.9';
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code: 'integrity.unknown-function-descriptor', severity: 'error', file: NSD_FILE, pointer: '/network_functions/1' }]);
    expect(findings[0].message).toContain("function 'lb' uses descriptor eu.nfvo:haproxy-vnf:9.9");
    expect(findings[0].message).toContain('versions available for eu.nfvo:haproxy-vnf are 2.1');
  });

  it('asks for the descriptor when nothing of that name exists', () => {
    const set = validSet();
    svc(set).functions[0].descriptor.vendor = 'com.other';
    expect(runRule(rule, set)[0].message).toContain('add that function descriptor to the package, or onboard its VNF package first');
  });
});
