import { FW_FILE, NSD_FILE, fnd, runRule, svc, validSet, where } from '../test-fixtures';
import { unknownConnectionPointRule as rule } from './unknown-connection-point.rule';

const code = 'integrity.unknown-connection-point';
const hop = (i: number) => `/forwarding_graphs/0/network_forwarding_paths/0/connection_points/${i}`;

describe('integrity.unknown-connection-point', () => {
  it('accepts the valid service', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it("names the function's connection points when a VL uses one it does not have", () => {
    const set = validSet();
    svc(set).virtualLinks[2].connectionPointRefs[0] = 'fw:eth7';
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code, severity: 'error', file: NSD_FILE, pointer: '/virtual_links/2' }]);
    expect(findings[0].message).toBe("virtual link 'fw-2-lb' references 'fw:eth7', but function 'fw' (eu.nfvo:firewall-vnf:1.0) has connection points mgmt, in, out; use one of those");
  });

  it('names the functions when the function part is unknown', () => {
    const set = validSet();
    svc(set).forwardingGraphs[0].paths[0].hops[3].connectionPointRef = 'lbx:in';
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code, severity: 'error', file: NSD_FILE, pointer: hop(3) }]);
    expect(findings[0].message).toContain("forwarding path 'fg01:fp01' (position 4) references 'lbx:in', but the service has no function 'lbx' (functions: fw, lb, web, be)");
  });

  it("names the service's connection points for an unknown bare reference", () => {
    const set = validSet();
    svc(set).virtualLinks[1].connectionPointRefs[0] = 'inpt';
    expect(runRule(rule, set)[0].message).toContain("the service's own connection points are mgmt, input");
  });

  it('says so when there are no connection points to choose from', () => {
    const set = validSet();
    svc(set).connectionPoints = [];
    fnd(set, 'firewall-vnf').connectionPoints = [];
    const messages = runRule(rule, set).map((f) => f.message);
    expect(messages).toContain("virtual link 'input-2-fw' references connection point 'input', but the service declares no connection points; declare 'input' as a service connection point, or write 'functionId:input' for a function's");
    expect(messages).toContain("virtual link 'input-2-fw' references 'fw:in', but function 'fw' (eu.nfvo:firewall-vnf:1.0) declares no connection points; declare 'in' in that function descriptor");
  });

  it('reports an E-Tree root that is not a member of its link', () => {
    const set = validSet();
    Object.assign(svc(set).virtualLinks[0], { connectivityType: 'E-Tree', roots: ['fw:in'] });
    expect(where(runRule(rule, set))).toEqual([{ code, severity: 'error', file: NSD_FILE, pointer: '/virtual_links/0' }]);
  });

  it('checks the endpoint of a connectivity dependency against the target function', () => {
    const set = validSet();
    svc(set).dependencies[1].endpoint = 'be:apii';
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code, severity: 'error', file: NSD_FILE, pointer: '/dependencies/1' }]);
    expect(findings[0].message).toContain("function 'be' (eu.nfvo:backend-api:1.2) has connection points api");
  });

  it('resolves unit:cp references inside a function descriptor against its units', () => {
    const set = validSet();
    fnd(set, 'firewall-vnf').virtualLinks[0].connectionPointRefs[0] = 'vdu02:eth0'; // son-cli invalid_integrity sample
    fnd(set, 'firewall-vnf').virtualLinks[1].connectionPointRefs[0] = 'vdu01:eth9';
    fnd(set, 'firewall-vnf').virtualLinks[2].connectionPointRefs[1] = 'outt';
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([0, 1, 2].map((i) => ({ code, severity: 'error', file: FW_FILE, pointer: `/virtual_links/${i}` })));
    expect(findings[0].message).toContain("has no unit 'vdu02' (units: vdu01)");
    expect(findings[1].message).toContain("unit 'vdu01' has connection points eth0, eth1, eth2");
    expect(findings[2].message).toContain("the function's connection points are mgmt, in, out");
  });

  it('leaves references into a function without descriptor to integrity.unknown-function-descriptor', () => {
    const set = validSet();
    set.functions = set.functions.filter((f) => f.key.name !== 'firewall-vnf');
    expect(runRule(rule, set)).toEqual([]);
  });
});
