import { NSD_FILE, runRule, svc, validSet, where } from '../test-fixtures';
import { unknownFunctionRule as rule } from './unknown-function.rule';

describe('integrity.unknown-function', () => {
  it('accepts constituent functions that exist', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('reports a constituent function the service does not have', () => {
    const set = validSet();
    svc(set).forwardingGraphs[0].constituentFunctions[1] = 'ids';
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code: 'integrity.unknown-function', severity: 'error', file: NSD_FILE, pointer: '/forwarding_graphs/0' }]);
    expect(findings[0].message).toContain("lists function 'ids', but the service has no function with that id (functions: fw, lb, web, be)");
  });

  it('leaves descriptor names to integrity.reference-by-name', () => {
    const set = validSet();
    svc(set).forwardingGraphs[0].constituentFunctions[0] = 'firewall-vnf';
    expect(runRule(rule, set)).toEqual([]);
  });
});
