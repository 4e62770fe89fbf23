import { FW_FILE, NSD_FILE, fnd, runRule, svc, validSet, where } from '../test-fixtures';
import { unusedVirtualLinkRule as rule } from './unused-virtual-link.rule';

const code = 'topology.unused-virtual-link';

describe('topology.unused-virtual-link', () => {
  it('accepts links that are listed or crossed', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('accepts a link that no graph lists but a path crosses', () => {
    const set = validSet();
    svc(set).forwardingGraphs[0].constituentVirtualLinks = ['mgmt'];
    expect(runRule(rule, set)).toEqual([]);
  });

  it('warns about a link that is neither listed nor crossed', () => {
    const set = validSet();
    svc(set).virtualLinks.push({ id: 'spare', connectivityType: 'E-LAN', connectionPointRefs: ['fw:out', 'web:http'], source: { file: NSD_FILE, pointer: '/virtual_links/5' } });
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code, severity: 'warning', file: NSD_FILE, pointer: '/virtual_links/5' }]);
    expect(findings[0].message).toContain("virtual link 'spare' is in no forwarding graph and no forwarding path crosses it");
  });

  it('does not expect a management link to be crossed', () => {
    const set = validSet();
    svc(set).forwardingGraphs[0].constituentVirtualLinks = ['input-2-fw'];
    expect(runRule(rule, set)).toEqual([]); // mgmt: management; the others: crossed by the path
    svc(set).connectionPoints[0].type = 'external';
    fnd(set, 'firewall-vnf').connectionPoints[0].type = 'external';
    fnd(set, 'haproxy-vnf').connectionPoints[0].type = 'external';
    expect(where(runRule(rule, set))).toEqual([{ code, severity: 'warning', file: NSD_FILE, pointer: '/virtual_links/0' }]);
  });

  it('does not judge usage in a service without forwarding paths', () => {
    const set = validSet();
    svc(set).forwardingGraphs = [];
    expect(runRule(rule, set)).toEqual([]);
  });

  it('warns about an E-LAN with fewer than two members, in a service or a function', () => {
    const set = validSet();
    svc(set).virtualLinks[0].connectionPointRefs = ['mgmt'];
    fnd(set, 'firewall-vnf').virtualLinks[0].connectionPointRefs = ['mgmt', 'mgmt'];
    expect(where(runRule(rule, set))).toEqual([
      { code, severity: 'warning', file: FW_FILE, pointer: '/virtual_links/0' },
      { code, severity: 'warning', file: NSD_FILE, pointer: '/virtual_links/0' },
    ]);
  });

  it('counts a link as crossed by a path into a function whose descriptor is missing', () => {
    const set = validSet();
    svc(set).forwardingGraphs[0].constituentVirtualLinks = ['mgmt'];
    set.functions = set.functions.filter((f) => f.key.name !== 'firewall-vnf');
    expect(runRule(rule, set)).toEqual([]);
  });
});
