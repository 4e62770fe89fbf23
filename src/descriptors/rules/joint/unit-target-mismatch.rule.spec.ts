import { BE_FILE, FW_FILE, fnd, runRule, validSet, where } from '../test-fixtures';
import { unitTargetMismatchRule as rule } from './unit-target-mismatch.rule';

const code = 'joint.unit-target-mismatch';

describe('joint.unit-target-mismatch', () => {
  it('accepts VM units on openstack and container units on kubernetes', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('reports a container unit in an openstack function (5GTANGO hybrid VNF)', () => {
    const set = validSet();
    const be = fnd(set, 'backend-api').units[0];
    fnd(set, 'firewall-vnf').units.push({ ...be, source: { file: FW_FILE, pointer: '/cloudnative_deployment_units/0' } });
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code, severity: 'error', file: FW_FILE, pointer: '/cloudnative_deployment_units/0' }]);
    expect(findings[0].message).toContain("container unit 'api' of eu.nfvo:firewall-vnf:1.0 cannot run on the function's target openstack");
  });

  it('reports a VM unit in a kubernetes function', () => {
    const set = validSet();
    fnd(set, 'backend-api').units.push({ ...fnd(set, 'firewall-vnf').units[0], source: { file: BE_FILE, pointer: '/virtual_deployment_units/1' } });
    expect(where(runRule(rule, set))).toEqual([{ code, severity: 'error', file: BE_FILE, pointer: '/virtual_deployment_units/1' }]);
  });
});
