import type { Dependency } from '../../model';
import { NSD_FILE, runRule, svc, validSet, where } from '../test-fixtures';
import { startupCycleRule as rule } from './startup-cycle.rule';

const dep = (from: string, to: string, i: number, type: Dependency['type'] = 'startup'): Dependency =>
  ({ from, to, type, source: { file: NSD_FILE, pointer: `/dependencies/${i}` } });

describe('joint.startup-cycle', () => {
  it('accepts acyclic startup dependencies', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('reports a cycle with its members in order, at its first declared dependency', () => {
    const set = validSet();
    svc(set).dependencies.push(dep('be', 'fw', 3), dep('fw', 'lb', 4));
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code: 'joint.startup-cycle', severity: 'error', file: NSD_FILE, pointer: '/dependencies/0' }]);
    expect(findings[0].message).toContain("startup dependencies form a cycle: 'web' → 'be' → 'fw' → 'lb' → 'web' (each waits for the next)");
  });

  it('reports a function waiting for itself', () => {
    const set = validSet();
    svc(set).dependencies = [dep('fw', 'fw', 0)];
    expect(runRule(rule, set)[0].message).toContain("'fw' → 'fw'");
  });

  it('reports each independent cycle once', () => {
    const set = validSet();
    svc(set).dependencies = [dep('fw', 'lb', 0), dep('lb', 'fw', 1), dep('web', 'be', 2), dep('be', 'web', 3), dep('fw', 'web', 4)];
    expect(runRule(rule, set).map((f) => f.pointer)).toEqual(['/dependencies/0', '/dependencies/2']);
  });

  it('lets connectivity dependencies point both ways', () => {
    const set = validSet();
    svc(set).dependencies.push({ ...dep('be', 'web', 3, 'connectivity'), endpoint: 'http', inject: 'WEB_ADDR' });
    expect(runRule(rule, set)).toEqual([]);
  });

  it('handles a long chain without recursion', () => {
    const set = validSet();
    const ids = Array.from({ length: 20000 }, (_, i) => `f${i}`);
    svc(set).functions = ids.map((id, i) => ({ id, descriptor: { vendor: 'v', name: 'n', version: '1' }, source: { file: NSD_FILE, pointer: `/network_functions/${i}` } }));
    svc(set).dependencies = ids.map((id, i) => dep(id, ids[(i + 1) % ids.length], i));
    expect(runRule(rule, set)).toHaveLength(1);
  });
});
