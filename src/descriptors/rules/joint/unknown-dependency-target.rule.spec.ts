import { NSD_FILE, runRule, svc, validSet, where } from '../test-fixtures';
import { unknownDependencyTargetRule as rule } from './unknown-dependency-target.rule';

const code = 'joint.unknown-dependency-target';

describe('joint.unknown-dependency-target', () => {
  it('accepts dependencies between functions of the service', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('reports each unknown end', () => {
    const set = validSet();
    Object.assign(svc(set).dependencies[2], { from: 'cache', to: 'db' });
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([1, 2].map(() => ({ code, severity: 'error', file: NSD_FILE, pointer: '/dependencies/2' })));
    expect(findings[0].message).toContain("startup dependency 'cache' → 'db' has from 'cache', but the service has no function with that id (functions: fw, lb, web, be)");
    expect(findings[1].message).toContain("has to 'db'");
  });
});
