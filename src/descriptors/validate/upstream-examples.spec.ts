import { upstreamExamples } from './upstream-examples.fixture';
import { validateDescriptors } from './validate-descriptors';

/**
 * What the validator says about real upstream examples (hand-translated, see the fixture): the
 * valid ones pass, the deliberately invalid son-cli sample and the upstream examples that break
 * the rules are reported with the right codes. `severity code pointer` per finding, in order.
 */
const expected: Record<string, { valid: boolean; findings: string[] }> = {
  'son-schema/nsd-sonata-demo.yml (valid)': { valid: true, findings: [] },
  'son-cli/validate-samples/invalid_integrity/firewall-vnfd.yml': { valid: false, findings: ['error integrity.unknown-connection-point /virtual_links/0'] },
  // SONATA called this project "valid" (cycles were warnings there); it also lists a link that does
  // not exist, and its insert_cycles path jumps between CPs that no link joins.
  'son-cli/validate-samples/p-valid-complex-cycles-nsd.yml': { valid: false, findings: [
    'error integrity.unknown-virtual-link /forwarding_graphs/0',
    'error topology.hop-inside-function /forwarding_graphs/0/network_forwarding_paths/2/connection_points/2',
    'warning topology.cycle /forwarding_graphs/0/network_forwarding_paths/2/connection_points/3',
    'error topology.path-not-on-virtual-link /forwarding_graphs/0/network_forwarding_paths/2/connection_points/4',
    'warning topology.cycle /forwarding_graphs/0/network_forwarding_paths/2/connection_points/6',
    'error topology.path-not-on-virtual-link /forwarding_graphs/0/network_forwarding_paths/2/connection_points/6',
  ] },
  // Names instead of vnf_ids, undeclared `input`/`output`, and functions without connection points.
  'pishahang-v2/ping-forwarder': { valid: false, findings: [
    'warning topology.disconnected ',
    'error integrity.reference-by-name /forwarding_graphs/0',
    'error integrity.reference-by-name /forwarding_graphs/0',
    'error integrity.unknown-connection-point /forwarding_graphs/0/network_forwarding_paths/0/connection_points/0',
    'error integrity.reference-by-name /forwarding_graphs/0/network_forwarding_paths/0/connection_points/1',
    'error integrity.unknown-connection-point /forwarding_graphs/0/network_forwarding_paths/0/connection_points/1',
    'error integrity.reference-by-name /forwarding_graphs/0/network_forwarding_paths/0/connection_points/2',
    'error integrity.unknown-connection-point /forwarding_graphs/0/network_forwarding_paths/0/connection_points/2',
    'error integrity.unknown-connection-point /forwarding_graphs/0/network_forwarding_paths/0/connection_points/3',
  ] },
  // The cloud service is on no virtual link: deployable, but not part of the service graph.
  'pishahang-v1/social-network': { valid: true, findings: ['warning topology.disconnected '] },
  // Three independent external endpoints, and cc's two endpoints sit on different containers.
  'tng-industrial-pilot/ns1-k8s': { valid: true, findings: ['warning topology.disconnected '] },
  'tng-schema/vnfd-hnf-hybrid.yml': { valid: false, findings: ['error joint.unit-target-mismatch /cloudnative_deployment_units/1'] },
};

describe('upstream examples', () => {
  it.each(Object.keys(expected))('%s', (name) => {
    const report = validateDescriptors(upstreamExamples[name]());
    expect({ valid: report.valid, findings: report.findings.map((f) => `${f.severity} ${f.code} ${f.pointer}`) }).toEqual(expected[name]);
  });

  it('covers every example of the fixture', () => {
    expect(Object.keys(upstreamExamples).sort()).toEqual(Object.keys(expected).sort());
  });
});
