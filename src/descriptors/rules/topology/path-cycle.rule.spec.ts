import { NSD_FILE, runRule, svc, validSet, where } from '../test-fixtures';
import { pathCycleRule as rule } from './path-cycle.rule';

const hop = (i: number) => `/forwarding_graphs/0/network_forwarding_paths/0/connection_points/${i}`;

describe('topology.cycle', () => {
  it('accepts a path visiting each connection point once', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('warns when a path comes back to a connection point', () => {
    const set = validSet();
    const hops = svc(set).forwardingGraphs[0].paths[0].hops;
    hops.push({ connectionPointRef: 'fw:in', position: 9, source: { file: NSD_FILE, pointer: hop(8) } });
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code: 'topology.cycle', severity: 'warning', file: NSD_FILE, pointer: hop(8) }]);
    expect(findings[0].message).toContain("comes back to 'fw:in' (position 9) after passing it at position 2");
  });

  it('recognises the same point written by name and by id', () => {
    const set = validSet();
    const hops = svc(set).forwardingGraphs[0].paths[0].hops;
    hops.push({ connectionPointRef: 'firewall-vnf:in', position: 9, source: { file: NSD_FILE, pointer: hop(8) } });
    expect(runRule(rule, set)).toHaveLength(1);
  });

  it('leaves back-to-back repeats to topology.hop-inside-function', () => {
    const set = validSet();
    svc(set).forwardingGraphs[0].paths[0].hops[2].connectionPointRef = 'fw:in';
    expect(runRule(rule, set)).toEqual([]);
  });
});
