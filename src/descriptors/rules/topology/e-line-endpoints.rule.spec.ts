import { FW_FILE, NSD_FILE, fnd, runRule, svc, validSet, where } from '../test-fixtures';
import { eLineEndpointsRule as rule } from './e-line-endpoints.rule';

const code = 'topology.e-line-endpoints';

describe('topology.e-line-endpoints', () => {
  it('accepts E-Lines with two members and E-LANs with more', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('reports an E-Line with three members', () => {
    const set = validSet();
    svc(set).virtualLinks[2].connectionPointRefs.push('web:http');
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code, severity: 'error', file: NSD_FILE, pointer: '/virtual_links/2' }]);
    expect(findings[0].message).toContain("virtual link 'fw-2-lb' is an E-Line (point-to-point) but joins 3 distinct connection point(s) (fw:out, lb:in, web:http)");
  });

  it('counts a repeated member once, inside functions too', () => {
    const set = validSet();
    fnd(set, 'firewall-vnf').virtualLinks[1].connectionPointRefs = ['in', 'in'];
    expect(where(runRule(rule, set))).toEqual([{ code, severity: 'error', file: FW_FILE, pointer: '/virtual_links/1' }]);
  });
});
