import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { FunctionDescriptor, ServiceDescriptor } from '../model';
import { importDescriptor } from './import-descriptor';
import { parseDescriptorText } from './parse-descriptor-text';
import { findRepoRoot } from './repo-root';

const refDir = process.env.NFVO_REF_DIR ?? resolve(findRepoRoot()!, '..', 'shared', 'ref');
const examplesDir = join(refDir, 'sonata', 'examples');
const present = existsSync(examplesDir);
// eslint-disable-next-line no-console
if (!present) console.log(`skipped: reference data not found (${examplesDir})`);

// Package manifests are the package reader's to check (MANIFEST.MF, NAPD, project files).
const MANIFESTS = /(^|\/)(NAPD\.yaml|project\.yml|project-ns-example\.yml|pd-sonata-demo\.yml)$/;
const discover = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? discover(join(dir, e.name)) : /\.(ya?ml|json)$/.test(e.name) ? [join(dir, e.name)] : []));

type Expect = [file: string, detected: string, codes: string[], why?: string];
const OK: string[] = [];
const FSM = ['syntax.ignored-field']; // SONATA function-specific managers, flavours, raw K8s fields, unknown nested fields
const SDK_PACKAGES = ['5gtango-ns-package-example-bad-checksum.tgo.unpacked/Definitions', '5gtango-ns-package-example-malformed.tgo.unpacked/Definitions'];
const SON_PACKAGES = ['valid', 'invalid-md5', 'invalid-integrity-1', 'invalid-struct-1'].map((p) => `son-cli/validate-samples/packages/sonata-demo-${p}.son.unpacked`);

/** Every real example: what it must be detected as, and the sorted set of codes it must produce. */
const EXPECTED: Expect[] = [
  ['pishahang-v1/cosd-schema-example-cloud-service.yaml', 'pishahang-v1/service', OK],
  ['pishahang-v1/hello-web/hello_web_cosd.yml', 'pishahang-v1/service', OK],
  ['pishahang-v1/hello-web/hello_web_csd.yml', 'pishahang-v1/function', FSM, 'VDU field "name" is not in the CSD schema'],
  ['pishahang-v1/ping-pong-sdn/cn-vnfd.json', 'pishahang-v1/function', FSM, 'VDU field "name" is not in the CSD schema'],
  ['pishahang-v1/ping-pong-sdn/nsd.json', 'pishahang-v1/service', OK, 'hops name functions by descriptor name: integrity level'],
  ['pishahang-v1/ping-pong-sdn/vm-vnfd.json', 'sonata/function', OK],
  ['pishahang-v1/social-network/snort_vnfd.yml', 'sonata/function', ['syntax.enum'], 'connection point type "interal" (typo upstream)'],
  ['pishahang-v1/social-network/social_network_cosd.yml', 'pishahang-v1/service', OK],
  ['pishahang-v1/social-network/social_network_csd.yml', 'pishahang-v1/function', OK],
  ['pishahang-v1/social-network/squid_vnfd.yml', 'sonata/function', OK],
  ['pishahang-v2/hello-web-aws/nsd.yml', 'pishahang-v2/service', OK],
  ['pishahang-v2/hello-web-aws/vnfd.yml', 'pishahang-v2/function', ['syntax.unsupported-target'], 'descriptor_flavor aws'],
  ['pishahang-v2/ping-forwarder/cn-vnfd.yml', 'pishahang-v2/function', FSM, 'VDU field "name"'],
  ['pishahang-v2/ping-forwarder/nsd.yml', 'pishahang-v2/service', OK, 'hops name functions by descriptor name: integrity level'],
  ['pishahang-v2/ping-forwarder/vm-vnfd.yml', 'pishahang-v2/function', OK],
  ['pishahang-v2/schema-tests/kubernetes-simple.yml', 'pishahang-v2/function', OK],
  ['son-cli/validate-samples/invalid_integrity/firewall-vnfd.yml', 'sonata/function', FSM, 'invalid at integrity level only'],
  ['son-cli/validate-samples/invalid_syntax/firewall-vnfd.yml', 'sonata/function', ['syntax.unknown-field'], 'root field function_specific_managersX'],
  ['son-cli/validate-samples/invalid_topology/firewall-vnfd.yml', 'sonata/function', FSM, 'invalid at topology level only'],
  ['son-cli/validate-samples/p-valid-complex-cycles-nsd.yml', 'sonata/service', OK],
  ...SON_PACKAGES.flatMap((p): Expect[] => [
    [`${p}/function_descriptors/firewall-vnfd.yml`, 'sonata/function', OK],
    [`${p}/function_descriptors/iperf-vnfd.yml`, 'sonata/function', OK],
    [`${p}/function_descriptors/tcpdump-vnfd.yml`, 'sonata/function', OK],
    [`${p}/service_descriptors/sonata-demo.yml`, 'sonata/service', OK],
  ]),
  ['son-cli/validate-samples/valid/firewall-vnfd.yml', 'sonata/function', FSM],
  ['son-schema/nsd-simplest.yml', 'sonata/service', OK],
  ['son-schema/nsd-sonata-demo.yml', 'sonata/service', OK],
  ['son-schema/sonata-demo.son.unpacked/function_descriptors/firewall-vnfd.yml', 'sonata/function', FSM],
  ['son-schema/sonata-demo.son.unpacked/function_descriptors/iperf-vnfd.yml', 'sonata/function', OK],
  ['son-schema/sonata-demo.son.unpacked/function_descriptors/tcpdump-vnfd.yml', 'sonata/function', OK],
  ['son-schema/sonata-demo.son.unpacked/service_descriptors/sonata-demo.yml', 'sonata/service', OK],
  ['son-schema/vnfd-firewall.yml', 'sonata/function', FSM],
  ['son-schema/vnfd-vtc.yml', 'sonata/function', FSM],
  ['tng-industrial-pilot/ns1-k8s/nsd_smpilot_ns1.yml', '5gtango/service', OK],
  ['tng-industrial-pilot/ns1-k8s/vnfd_cc.yml', '5gtango/function', OK],
  ['tng-industrial-pilot/ns1-k8s/vnfd_eae.yml', '5gtango/function', OK],
  ['tng-industrial-pilot/vdmz/nsd-vdmz.yml', '5gtango/service', OK],
  ['tng-industrial-pilot/vdmz/vnfd-ipfire.yml', '5gtango/function', FSM],
  ['tng-schema/eu.5gtango.ns-package-example.0.1.tgo.unpacked/Definitions/Definitions/mynsd.yaml', '5gtango/service', OK],
  ['tng-schema/eu.5gtango.ns-package-example.0.1.tgo.unpacked/Definitions/Definitions/myvnfd.yaml', '5gtango/function', OK],
  ['tng-schema/nsd-multi-flavour.yml', '5gtango/service', FSM, 'deployment_flavours'],
  ['tng-schema/nsd-recursive.yml', '5gtango/service', ['syntax.ignored-field', 'syntax.unsupported-feature'], 'nested network_services; proximity soft constraint'],
  ['tng-schema/policy-elasticity-premium.yml', '-', ['syntax.unknown-format'], 'a policy descriptor'],
  ['tng-schema/project-ns-example-mynsd.yaml', '5gtango/service', OK],
  ['tng-schema/vnfd-cnf.yml', '5gtango/function', FSM, 'raw k8s_deployment/k8s_service parameters'],
  ['tng-schema/vnfd-hnf-hybrid.yml', '5gtango/function', ['syntax.ignored-field', 'syntax.unsupported-feature'], 'physical deployment unit'],
  ['tng-schema/vnfd-multi-flavour.yml', '5gtango/function', FSM, 'deployment_flavours'],
  ['tng-schema/vnfd-pnf.yml', '5gtango/function', ['syntax.unsupported-feature'], 'physical deployment units only'],
  ...SDK_PACKAGES.flatMap((p): Expect[] => [[`tng-sdk-package/${p}/mynsd.yaml`, '5gtango/service', OK], [`tng-sdk-package/${p}/myvnfd.yaml`, '5gtango/function', OK]]),
  ['tng-sdk-package/5gtango-ns-package-example.tgo.unpacked/Definitions/sources/nsd/nsd-sample.yml', '5gtango/service', OK],
  ['tng-sdk-package/5gtango-ns-package-example.tgo.unpacked/Definitions/sources/vnfd/vnfd-sample.yml', '5gtango/function', OK],
  ['tng-sdk-package/eu.5gtango.mixed-ns-package-example.0.1.tgo.unpacked/Definitions/Definitions/5gtango_nsd.yaml', '5gtango/service', OK],
  ['tng-sdk-package/eu.5gtango.mixed-ns-package-example.0.1.tgo.unpacked/Definitions/Definitions/5gtango_vnfd.yaml', '5gtango/function', OK],
  ...['onap_nsd', 'onap_vnfd', 'osm_nsd', 'osm_vnfd'].map((f): Expect => [`tng-sdk-package/eu.5gtango.mixed-ns-package-example.0.1.tgo.unpacked/Definitions/${f}.yaml`, '-', ['syntax.unknown-format'], 'ONAP/OSM descriptor']),
  ['tng-sdk-package/project_example1_bad-nsd-sample.yml', '5gtango/service', ['syntax.unknown-field'], 'root field network_functions1'],
];

const importRef = (file: string) => importDescriptor(parseDescriptorText(file, readFileSync(join(examplesDir, file), 'utf8')));

(present ? describe : describe.skip)('real SONATA, 5GTANGO and Pishahang examples', () => {
  it('covers every example descriptor in the reference data', () => {
    const found = present ? discover(examplesDir).map((f) => relative(examplesDir, f)).filter((f) => !MANIFESTS.test(f)) : [];
    expect(found.sort()).toEqual(EXPECTED.map(([f]) => f).sort());
  });

  it.each(EXPECTED)('%s is %s with findings %j', (file, detected, expected) => {
    const result = importRef(file);
    expect(result.detected ? `${result.detected.format}/${result.detected.kind}` : '-').toBe(detected);
    expect([...new Set(result.findings.map((f) => f.code))].sort()).toEqual(expected);
    const syntaxErrors = result.findings.filter((f) => f.severity === 'error');
    if (syntaxErrors.length === 0) expect(result.descriptor).toBeDefined();
    for (const f of result.findings) expect(f.line).toBeGreaterThan(0);
  });

  it('does not mistake package manifests for descriptors', () => {
    const manifests = discover(examplesDir).map((f) => relative(examplesDir, f)).filter((f) => MANIFESTS.test(f));
    expect(manifests.length).toBeGreaterThanOrEqual(6);
    for (const file of manifests) {
      const result = importRef(file);
      expect([result.detected, result.findings.map((f) => f.code)]).toEqual([undefined, ['syntax.unknown-format']]);
    }
  });

  it('keeps references written with function names as written (the validator reports them)', () => {
    const nsd = importRef('pishahang-v2/ping-forwarder/nsd.yml').descriptor as ServiceDescriptor;
    expect(nsd.functions.map((f) => f.id)).toEqual(['vm-forwarder', 'cn-forwarder']);
    expect(nsd.forwardingGraphs[0].paths[0].hops.map((h) => h.connectionPointRef)).toEqual(['input', 'forwarder-vm-vnf:eth0', 'forwarder-cn-vnf:eth0', 'output']);
  });

  it('turns cloud services of a COSD into functions beside the VNFs', () => {
    const cosd = importRef('pishahang-v1/social-network/social_network_cosd.yml').descriptor as ServiceDescriptor;
    expect(cosd.functions.map((f) => [f.id, f.source.pointer])).toEqual([['squid-cache', '/network_functions/0'], ['snort-id', '/network_functions/1'], ['social-network', '/cloud_services/0']]);
  });

  it('imports a CDU-only 5GTANGO VNFD as a Kubernetes function and a hybrid one with both unit kinds', () => {
    const cnf = importRef('tng-industrial-pilot/ns1-k8s/vnfd_cc.yml').descriptor as FunctionDescriptor;
    expect(cnf.target).toBe('kubernetes');
    expect(cnf.units[1]).toMatchObject({ kind: 'container', id: 'cdu02', env: { MQTT_BROKER_HOST: 'localhost', MQTT_BROKER_PORT: '1883' }, replicas: 1 });
    expect(cnf.connectionPoints[0]).toMatchObject({ id: 'mqtt', type: 'serviceendpoint', port: 1883 });
    const hybrid = importRef('tng-schema/vnfd-hnf-hybrid.yml').descriptor as FunctionDescriptor;
    expect([hybrid.target, hybrid.units.map((u) => u.kind)]).toEqual(['openstack', ['vm', 'container']]);
  });

  it('converts Pishahang service ports, scaling and memory', () => {
    const csd = importRef('pishahang-v1/hello-web/hello_web_csd.yml').descriptor as FunctionDescriptor;
    expect(csd.units[0]).toMatchObject({
      kind: 'container', image: 'gcr.io/google-samples/hello-app:1.0', replicas: 2, scaling: { min: 2, max: 5, initial: 2 },
      ports: [{ name: 'http', port: 8080, targetPort: 8080, protocol: 'TCP', serviceType: 'LoadBalancer' }], resources: { memoryMiB: 128 },
    });
  });
});
