import { NSD_FILE, runRule, svc, validSet, where } from '../test-fixtures';
import { hopInsideFunctionRule as rule } from './hop-inside-function.rule';

const code = 'topology.hop-inside-function';
const hop = (i: number) => `/forwarding_graphs/0/network_forwarding_paths/0/connection_points/${i}`;
const pathOf = (set: ReturnType<typeof validSet>) => svc(set).forwardingGraphs[0].paths[0];
const withHops = (refs: string[]) => {
  const set = validSet();
  pathOf(set).hops = refs.map((connectionPointRef, i) => ({ connectionPointRef, position: i + 1, source: { file: NSD_FILE, pointer: hop(i) } }));
  return set;
};

describe('topology.hop-inside-function', () => {
  it('accepts entering and leaving each function once', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('accepts a path that ends inside a function', () => {
    expect(runRule(rule, withHops(['input', 'fw:in']))).toEqual([]);
  });

  it('reports going back inside a function (fn:in → fn:out → fn:in)', () => {
    const findings = runRule(rule, withHops(['input', 'fw:in', 'fw:out', 'fw:in', 'fw:out', 'lb:in']));
    expect(where(findings)).toEqual([{ code, severity: 'error', file: NSD_FILE, pointer: hop(3) }]);
    expect(findings[0].message).toContain("moves around inside function 'fw' (positions 2–5: fw:in → fw:out → fw:in → fw:out)");
  });

  it('reports entering and leaving through the same connection point', () => {
    const findings = runRule(rule, withHops(['input', 'fw:in', 'fw:in', 'lb:in']));
    expect(where(findings)).toEqual([{ code, severity: 'error', file: NSD_FILE, pointer: hop(2) }]);
    expect(findings[0].message).toContain("enters and leaves function 'fw' through the same connection point 'fw:in' (positions 2 and 3)");
  });

  it('ignores service connection points and unresolved hops', () => {
    expect(runRule(rule, withHops(['input', 'input', 'zz:a', 'zz:a']))).toEqual([]);
  });
});
