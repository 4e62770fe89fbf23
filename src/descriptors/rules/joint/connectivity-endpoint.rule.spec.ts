import { NSD_FILE, runRule, svc, validSet, where } from '../test-fixtures';
import { connectivityEndpointRule as rule } from './connectivity-endpoint.rule';

const at = { code: 'joint.connectivity-endpoint', severity: 'error', file: NSD_FILE, pointer: '/dependencies/1' };
const connectivity = (set: ReturnType<typeof validSet>) => svc(set).dependencies[1];

describe('joint.connectivity-endpoint', () => {
  it('accepts an endpoint and a valid variable name', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it("accepts the endpoint written as 'to:cp'", () => {
    const set = validSet();
    connectivity(set).endpoint = 'be:api';
    expect(runRule(rule, set)).toEqual([]);
  });

  it.each([
    ['no endpoint', { endpoint: undefined }, 'names no endpoint'],
    ["an endpoint on another function", { endpoint: 'lb:in' }, "endpoint 'lb:in', which is not on 'be'"],
    ['no variable', { inject: undefined }, "such as BE_ADDR"],
    ['a variable that is no env name', { inject: 'backend-addr' }, "rename it, e.g. 'BACKEND_ADDR'"],
    ['a variable starting with a digit', { inject: '1ADDR' }, "e.g. '_1ADDR'"],
  ])('reports %s', (_what, change, hint) => {
    const set = validSet();
    Object.assign(connectivity(set), change);
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([at]);
    expect(findings[0].message).toContain(hint);
  });

  it('reports one function getting the same variable injected twice', () => {
    const set = validSet();
    svc(set).dependencies.push({ from: 'web', to: 'lb', type: 'connectivity', endpoint: 'in', inject: 'BACKEND_ADDR', source: { file: NSD_FILE, pointer: '/dependencies/3' } });
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ ...at, pointer: '/dependencies/3' }]);
    expect(findings[0].message).toContain("'web' gets 'BACKEND_ADDR' injected twice (also from its dependency on 'be')");
  });

  it('does not apply to startup dependencies', () => {
    const set = validSet();
    svc(set).dependencies = svc(set).dependencies.filter((d) => d.type === 'startup');
    expect(runRule(rule, set)).toEqual([]);
  });
});
