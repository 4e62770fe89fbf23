import { FW_FILE, NSD_FILE, fnd, runRule, svc, validSet, where } from '../test-fixtures';
import { unknownMonitoringSourceRule as rule } from './unknown-monitoring-source.rule';

const code = 'integrity.unknown-monitoring-source';

describe('integrity.unknown-monitoring-source', () => {
  it('accepts fn:param and fn:unit:param sources that exist', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it.each([
    ['xx:cpu', "the service has no function 'xx'"],
    ['fw:cpu_util', 'declares monitoring parameters packets_dropped'],
    ['fw:vdu09:cpu_util', "has no unit 'vdu09' (units: vdu01)"],
    ['fw', "write 'functionId:parameter'"],
  ])("warns about the service parameter source '%s'", (from, hint) => {
    const set = validSet();
    svc(set).monitoringParameters[0].from = from;
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code, severity: 'warning', file: NSD_FILE, pointer: '/monitoring_parameters/0' }]);
    expect(findings[0].message).toContain(hint);
  });

  it("warns about a function parameter derived from a unit it does not have", () => {
    const set = validSet();
    fnd(set, 'firewall-vnf').monitoringParameters[0].from = 'vdu7:packets_dropped';
    expect(where(runRule(rule, set))).toEqual([{ code, severity: 'warning', file: FW_FILE, pointer: '/monitoring_parameters/0' }]);
  });
});
