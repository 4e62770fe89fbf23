import { FW_FILE, NSD_FILE, fnd, runRule, svc, validSet, where } from '../test-fixtures';
import { duplicateIdRule as rule } from './duplicate-id.rule';

const code = 'integrity.duplicate-id';

describe('integrity.duplicate-id', () => {
  it('accepts unique ids', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('reports the later of two functions with one id, pointing back at the first', () => {
    const set = validSet();
    svc(set).functions[2].id = 'fw';
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code, severity: 'error', file: NSD_FILE, pointer: '/network_functions/2' }]);
    expect(findings[0].message).toContain(`function id 'fw' is declared twice (first at ${NSD_FILE}#/network_functions/0)`);
  });

  it.each([
    ['service connection point', (s: ReturnType<typeof validSet>) => { svc(s).connectionPoints[1].id = 'mgmt'; }, NSD_FILE, '/connection_points/1'],
    ['virtual link', (s: ReturnType<typeof validSet>) => { svc(s).virtualLinks[4].id = 'mgmt'; }, NSD_FILE, '/virtual_links/4'],
    ['forwarding graph', (s: ReturnType<typeof validSet>) => { svc(s).forwardingGraphs.push({ ...svc(s).forwardingGraphs[0], paths: [], source: { file: NSD_FILE, pointer: '/forwarding_graphs/1' } }); }, NSD_FILE, '/forwarding_graphs/1'],
    ['forwarding path', (s: ReturnType<typeof validSet>) => { const fg = svc(s).forwardingGraphs[0]; fg.paths.push({ ...fg.paths[0], source: { file: NSD_FILE, pointer: '/forwarding_graphs/0/network_forwarding_paths/1' } }); }, NSD_FILE, '/forwarding_graphs/0/network_forwarding_paths/1'],
    ['monitoring parameter', (s: ReturnType<typeof validSet>) => { svc(s).monitoringParameters[1].name = 'fw-drops'; }, NSD_FILE, '/monitoring_parameters/1'],
    ['unit', (s: ReturnType<typeof validSet>) => { const fd = fnd(s, 'firewall-vnf'); fd.units.push({ ...fd.units[0], source: { file: FW_FILE, pointer: '/virtual_deployment_units/1' } }); }, FW_FILE, '/virtual_deployment_units/1'],
    ['connection point of eu.nfvo', (s: ReturnType<typeof validSet>) => { fnd(s, 'firewall-vnf').connectionPoints[2].id = 'in'; }, FW_FILE, '/connection_points/2'],
    ['virtual link of eu.nfvo', (s: ReturnType<typeof validSet>) => { fnd(s, 'firewall-vnf').virtualLinks[2].id = 'in'; }, FW_FILE, '/virtual_links/2'],
    ["connection point of unit 'vdu01'", (s: ReturnType<typeof validSet>) => { fnd(s, 'firewall-vnf').units[0].connectionPoints[1].id = 'eth0'; }, FW_FILE, '/virtual_deployment_units/0/connection_points/1'],
  ])('reports a duplicated %s id in its scope', (what, mutate, file, pointer) => {
    const set = validSet();
    mutate(set);
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code, severity: 'error', file, pointer }]);
    expect(findings[0].message.startsWith(what)).toBe(true);
  });

  it('reports two function descriptors with the same vendor, name and version', () => {
    const set = validSet();
    set.functions.push({ ...fnd(set, 'firewall-vnf'), source: { file: 'function_descriptors/copy.yml', pointer: '' } });
    expect(where(runRule(rule, set))).toEqual([{ code, severity: 'error', file: 'function_descriptors/copy.yml', pointer: '' }]);
  });

  it('lets the same id live in different scopes', () => {
    const set = validSet();
    svc(set).virtualLinks[1].id = 'input'; // a VL may share its id with a connection point
    expect(runRule(rule, set)).toEqual([]);
  });
});
