import { NSD_FILE, fnd, runRule, svc, validSet, where } from '../test-fixtures';
import { disconnectedRule as rule } from './disconnected.rule';

describe('topology.disconnected', () => {
  it('accepts a service whose parts are all joined', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('names the parts when a link is missing', () => {
    const set = validSet();
    svc(set).virtualLinks.splice(3, 1); // lb-2-web: the microservices are cut off
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code: 'topology.disconnected', severity: 'warning', file: NSD_FILE, pointer: '' }]);
    expect(findings[0].message).toContain('falls apart into 2 parts that no virtual link joins: [mgmt, input, fw:mgmt, fw:in, fw:out, lb:mgmt and 2 more], [web:http, web:upstream, be:api]');
  });

  it("follows a VM function's internal wiring: CPs its units do not join are apart", () => {
    const set = validSet();
    const fw = fnd(set, 'firewall-vnf');
    fw.units.push({ ...fw.units[0], id: 'vdu02' });
    fw.virtualLinks[2].connectionPointRefs[0] = 'vdu02:eth2'; // `out` now hangs off an unlinked second VM
    expect(runRule(rule, set)).toEqual([]); // still joined around it, through the mgmt E-LAN to lb
    svc(set).virtualLinks[0].connectionPointRefs = ['mgmt', 'fw:mgmt'];
    expect(runRule(rule, set)[0].message).toContain('falls apart into 2 parts that no virtual link joins: [mgmt, input, fw:mgmt, fw:in], [fw:out, lb:mgmt, lb:in, lb:out, web:http, web:upstream and 1 more]');
  });

  it('counts a function without connection points as a part of its own', () => {
    const set = validSet();
    fnd(set, 'backend-api').connectionPoints = [];
    expect(runRule(rule, set)[0].message).toContain("[function 'be']");
  });

  it('keeps a function whose descriptor is missing joined by its links (that is an integrity finding, not a split)', () => {
    const set = validSet();
    set.functions = set.functions.filter((f) => f.key.name !== 'firewall-vnf');
    expect(runRule(rule, set)).toEqual([]);
  });
});
