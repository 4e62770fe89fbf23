import { NSD_FILE, runRule, svc, validSet, where } from '../test-fixtures';
import { positionGapRule as rule } from './position-gap.rule';

describe('topology.position-gap', () => {
  it('accepts 1, 2, 3, …', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('warns once per path, listing the jumps', () => {
    const set = validSet();
    const hops = svc(set).forwardingGraphs[0].paths[0].hops;
    hops[3].position = 10;
    hops.splice(6, 1);
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code: 'topology.position-gap', severity: 'warning', file: NSD_FILE, pointer: '/forwarding_graphs/0/network_forwarding_paths/0' }]);
    expect(findings[0].message).toContain('(3 → 5, 6 → 8, 8 → 10)');
  });
});
