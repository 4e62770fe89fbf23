import { NSD_FILE, fnd, runRule, svc, validSet, where } from '../test-fixtures';
import { pathNotOnVirtualLinkRule as rule } from './path-not-on-virtual-link.rule';

const code = 'topology.path-not-on-virtual-link';
const hop = (i: number) => `/forwarding_graphs/0/network_forwarding_paths/0/connection_points/${i}`;
const hops = (set: ReturnType<typeof validSet>) => svc(set).forwardingGraphs[0].paths[0].hops;

describe('topology.path-not-on-virtual-link', () => {
  it('accepts a path that follows the links hop by hop', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('reports consecutive hops on different functions that no link joins', () => {
    const set = validSet();
    svc(set).virtualLinks.splice(2, 1); // fw-2-lb
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code, severity: 'error', file: NSD_FILE, pointer: hop(3) }]);
    expect(findings[0].message).toBe("forwarding path 'fg01:fp01' goes from 'fw:out' (position 3) to 'lb:in' (position 4), but no virtual link of the service joins them; add a virtual link between them, or insert the hops that lead from one to the other");
  });

  it('walks hops in position order, not list order', () => {
    const set = validSet();
    hops(set).reverse();
    expect(runRule(rule, set)).toEqual([]);
  });

  it("reports a crossing of a VM function between CPs its inside does not wire together", () => {
    const set = validSet();
    const fw = fnd(set, 'firewall-vnf');
    fw.units.push({ ...fw.units[0], id: 'vdu02' });
    fw.virtualLinks[2].connectionPointRefs[0] = 'vdu02:eth2';
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code, severity: 'error', file: NSD_FILE, pointer: hop(2) }]);
    expect(findings[0].message).toContain("crosses function 'fw' from 'fw:in' (position 2) to 'fw:out' (position 3), but inside eu.nfvo:firewall-vnf:1.0 these connection points are not wired together");
  });

  it('treats a container function as one black box', () => {
    const set = validSet();
    hops(set)[6].connectionPointRef = 'web:http'; // http → http is hop-inside-function's, not this rule's
    expect(runRule(rule, set).map((f) => f.pointer)).toEqual([hop(7)]); // web:http → be:api has no link
  });

  it('skips unresolved hops (integrity reports them)', () => {
    const set = validSet();
    hops(set)[3].connectionPointRef = 'nowhere:in';
    expect(runRule(rule, set)).toEqual([]);
  });
});
