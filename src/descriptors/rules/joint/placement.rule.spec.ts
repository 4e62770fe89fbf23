import type { PlacementConstraint } from '../../model';
import { NSD_FILE, runRule, svc, validSet, where } from '../test-fixtures';
import { placementRule as rule } from './placement.rule';

const at = (i: number) => ({ code: 'joint.placement', severity: 'error', file: NSD_FILE, pointer: `/placement/${i}` });
const constraint = (set: ReturnType<typeof validSet>, i: number) => svc(set).placement[i] as PlacementConstraint & Record<string, unknown>;

describe('joint.placement', () => {
  it('accepts satisfiable constraints', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it.each([
    ['allowed-sites without sites', 0, { sites: [] }, 'lists no sites'],
    ['allowed-sites without functions', 0, { functions: [] }, 'lists no functions'],
    ['anti-affinity of one function', 1, { functions: ['fw'] }, "names only 'fw'"],
    ['anti-affinity of one function twice', 1, { functions: ['fw', 'fw'] }, "names only 'fw'"],
    ['affinity of none', 2, { functions: [] }, 'names none'],
    ['max-latency of zero', 3, { maxLatencyMs: 0 }, 'allows 0 ms'],
    ['max-latency negative', 3, { maxLatencyMs: -1 }, 'allows -1 ms'],
    ['max-latency between one function and itself', 3, { functions: ['lb', 'lb'] }, 'name exactly two'],
    ['an unknown function', 2, { functions: ['web', 'cache'] }, "names function 'cache', but the service has no function with that id"],
  ])('reports %s', (_what, i, change, hint) => {
    const set = validSet();
    Object.assign(constraint(set, i), change);
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([at(i)]);
    expect(findings[0].message).toContain(hint);
  });
});
