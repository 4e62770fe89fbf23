import { NSD_FILE, runRule, svc, validSet, where } from '../test-fixtures';
import { referenceByNameRule as rule } from './reference-by-name.rule';

const code = 'integrity.reference-by-name';

describe('integrity.reference-by-name', () => {
  it('accepts references by instance id', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('suggests the id for a fn:cp written with the descriptor name (as in Pishahang ping-forwarder)', () => {
    const set = validSet();
    svc(set).forwardingGraphs[0].paths[0].hops[1].connectionPointRef = 'firewall-vnf:in';
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code, severity: 'error', file: NSD_FILE, pointer: '/forwarding_graphs/0/network_forwarding_paths/0/connection_points/1' }]);
    expect(findings[0].message).toContain("naming the function by its descriptor name 'firewall-vnf'; references use the function's id in this service: write 'fw:in'");
  });

  it('lists every instance when the descriptor runs twice', () => {
    const set = validSet();
    const s = svc(set);
    s.functions.push({ ...s.functions[0], id: 'fw2', source: { file: NSD_FILE, pointer: '/network_functions/4' } });
    s.forwardingGraphs[0].constituentFunctions[0] = 'firewall-vnf';
    expect(runRule(rule, set)[0].message).toContain("write one of 'fw', 'fw2'");
  });

  it.each([
    ['a virtual link', (s: ReturnType<typeof svc>) => { s.virtualLinks[2].connectionPointRefs[1] = 'haproxy-vnf:in'; }, '/virtual_links/2'],
    ['a dependency', (s: ReturnType<typeof svc>) => { s.dependencies[0].to = 'backend-api'; }, '/dependencies/0'],
    ['a placement constraint', (s: ReturnType<typeof svc>) => { s.placement[1].functions[0] = 'firewall-vnf'; }, '/placement/1'],
    ['a monitoring source', (s: ReturnType<typeof svc>) => { s.monitoringParameters[0].from = 'firewall-vnf:packets_dropped'; }, '/monitoring_parameters/0'],
    ['a forwarding graph', (s: ReturnType<typeof svc>) => { s.forwardingGraphs[0].constituentFunctions[3] = 'backend-api'; }, '/forwarding_graphs/0'],
  ])('reports a name in %s', (_what, mutate, pointer) => {
    const set = validSet();
    mutate(svc(set));
    expect(where(runRule(rule, set))).toEqual([{ code, severity: 'error', file: NSD_FILE, pointer }]);
  });
});
