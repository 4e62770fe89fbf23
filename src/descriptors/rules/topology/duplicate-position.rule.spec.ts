import { NSD_FILE, runRule, svc, validSet, where } from '../test-fixtures';
import { duplicatePositionRule as rule } from './duplicate-position.rule';

describe('topology.duplicate-position', () => {
  it('accepts unique positions', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('reports the later hop sharing a position', () => {
    const set = validSet();
    svc(set).forwardingGraphs[0].paths[0].hops[4].position = 4;
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code: 'topology.duplicate-position', severity: 'error', file: NSD_FILE, pointer: '/forwarding_graphs/0/network_forwarding_paths/0/connection_points/4' }]);
    expect(findings[0].message).toContain("two hops at position 4 ('lb:in' and 'lb:out')");
  });
});
