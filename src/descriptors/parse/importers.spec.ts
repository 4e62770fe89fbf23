import type { FunctionDescriptor, ServiceDescriptor, VmUnit } from '../model';
import { importDescriptor } from './import-descriptor';
import { parseDescriptorText } from './parse-descriptor-text';

const imp = (text: string) => importDescriptor(parseDescriptorText('d.yaml', text));
const codes = (text: string) => imp(text).findings.map((f) => `${f.code} ${f.pointer}`);
const fn = (text: string) => imp(text).descriptor as FunctionDescriptor;
const svc = (text: string) => imp(text).descriptor as ServiceDescriptor;

const VNFD = (vdu: string, extra = '') => `descriptor_version: vnfd-schema-01\nvendor: eu.x\nname: f\nversion: "1.0"\n${extra}virtual_deployment_units:\n  - id: vdu01\n${vdu.replace(/^/gm, '    ')}\n`;
const RR = 'resource_requirements:\n  cpu: { vcpus: 2 }\n  memory: { size: 2, size_unit: GB }';
const NSD = (body: string) => `descriptor_version: "1.0"\nvendor: eu.x\nname: s\nversion: "1.0"\n${body}\n`;

describe('SONATA function import', () => {
  it('converts sizes to whole MiB/GiB, rounding up, with MB as the default unit', () => {
    const vm = (rr: string) => fn(VNFD(`vm_image: img\nresource_requirements:\n  cpu: { vcpus: 1 }\n${rr.replace(/^/gm, '  ')}`)).units[0] as VmUnit;
    expect(vm('memory: { size: 2, size_unit: GB }\nstorage: { size: 10, size_unit: GB }').resources).toEqual({ vcpus: 1, memoryMiB: 1908, storageGiB: 10 });
    expect(vm('memory: { size: 4, size_unit: GiB }\nstorage: { size: 1, size_unit: TiB }').resources).toEqual({ vcpus: 1, memoryMiB: 4096, storageGiB: 1024 });
    expect(vm('memory: { size: 512 }').resources).toEqual({ vcpus: 1, memoryMiB: 489 });
  });

  it('reads image URL, format and md5, scaling, and user data', () => {
    const unit = fn(VNFD(`vm_image: "http://h/p/fw.qcow2?x=1"\nvm_image_format: qcow2\nvm_image_md5: 0123456789abcdef0123456789ABCDEF\n${RR}\nscale_in_out: { minimum: 1, maximum: 0 }\nuser_data: "#!/bin/sh"`)).units[0] as VmUnit;
    expect(unit).toMatchObject({
      image: { name: 'fw.qcow2', url: 'http://h/p/fw.qcow2?x=1', format: 'qcow2', checksum: { algorithm: 'md5', hash: '0123456789abcdef0123456789ABCDEF' } },
      scaling: { min: 1, max: Number.MAX_SAFE_INTEGER, initial: 1 }, userData: '#!/bin/sh',
    });
  });

  it('leaves a missing image to the integrity rule, and refuses image formats Glance cannot boot', () => {
    expect((fn(VNFD(RR)).units[0] as VmUnit).image).toEqual({ name: '' });
    expect(codes(VNFD(`vm_image: x\nvm_image_format: ova\n${RR}`))).toEqual(['syntax.unsupported-feature /virtual_deployment_units/0/vm_image_format']);
  });

  it('reports each bad field at its pointer and keeps reading', () => {
    expect(codes(VNFD(`vm_image: x\nresource_requirements:\n  cpu: { vcpus: 0 }\n  memory: { size: 2, size_unit: GBytes }\nscale_in_out: { minimum: 3, maximum: 2 }\nconnection_points:\n  - { id: "a:b", interface: ipv5, type: internal }`))).toEqual([
      'syntax.range /virtual_deployment_units/0/resource_requirements/cpu/vcpus',
      'syntax.enum /virtual_deployment_units/0/resource_requirements/memory/size_unit',
      'syntax.pattern /virtual_deployment_units/0/connection_points/0/id',
      'syntax.enum /virtual_deployment_units/0/connection_points/0/interface',
      'syntax.range /virtual_deployment_units/0/scale_in_out/minimum',
    ]);
  });

  it('refuses unknown root fields (the schema forbids them) and warns about unknown nested ones', () => {
    expect(codes(VNFD(`${RR}\ncolour: red`, 'virtual_deployment_unit: []\n'))).toEqual([
      'syntax.unknown-field /virtual_deployment_unit',
      'syntax.ignored-field /virtual_deployment_units/0/colour',
    ]);
    expect(imp(VNFD(RR, 'virtual_deployment_unit: []\n')).findings[0].message).toContain("did you mean 'virtual_deployment_units'?");
  });

  it('says how to fix an unquoted version', () => {
    const r = imp('descriptor_version: "1.0"\nvendor: eu.x\nname: s\nversion: 1.0\n');
    expect(r.findings).toEqual([expect.objectContaining({ code: 'syntax.type', pointer: '/version', line: 4, message: '"version" must be text, found the number 1; quote it: version: "1"' })]);
  });
});

describe('SONATA service import', () => {
  it('reads exact versions, refuses ranges, nested services and external references', () => {
    const text = NSD('network_functions:\n  - { vnf_id: a, vnf_vendor: eu.x, vnf_name: f, vnf_version: "== 0.3" }\n  - { vnf_id: b, vnf_vendor: eu.x, vnf_name: g, vnf_version: ">= 0.3" }\nnetwork_services: [other]\nvirtual_links:\n  - { vl_group: g, vl_name: n, vl_version: "1" }\nforwarding_graphs:\n  - { fg_group: g, fg_name: n, fg_version: "1" }');
    expect(codes(text)).toEqual(['syntax.unsupported-feature /network_services', 'syntax.unsupported-feature /network_functions/1/vnf_version', 'syntax.unsupported-feature /virtual_links/0', 'syntax.unsupported-feature /forwarding_graphs/0']);
    expect(svc(text).functions).toEqual([{ id: 'a', descriptor: { vendor: 'eu.x', name: 'f', version: '0.3' }, source: { file: 'd.yaml', pointer: '/network_functions/0' } }]);
  });

  it('numbers hops by their order when positions are left out', () => {
    const s = svc(NSD('forwarding_graphs:\n  - fg_id: fg\n    network_forwarding_paths:\n      - fp_id: p\n        connection_points:\n          - { connection_point_ref: in }\n          - { connection_point_ref: "a:x" }'));
    expect(s.forwardingGraphs[0].paths[0].hops.map((h) => [h.position, h.connectionPointRef])).toEqual([[1, 'in'], [2, 'a:x']]);
  });
});

describe('5GTANGO import', () => {
  const TNG = 'https://raw.githubusercontent.com/sonata-nfv/tng-schema/master';
  it('reads link QoS and site affinity from soft constraints', () => {
    const s = svc(`descriptor_schema: ${TNG}/service-descriptor/nsd-schema.yml\nvendor: eu.x\nname: s\nversion: "1"\nvirtual_links:\n  - id: l\n    connectivity_type: E-Line\n    connection_points_reference: [a, "b:c"]\n    qos_requirements: { minimum_bandwidth: { bandwidth: 2, bandwidth_unit: Gbps } }\nsoft_constraints:\n  - { objective: affinity, involved_actors: [a, b] }`);
    expect(s.virtualLinks[0].qos).toEqual({ bandwidthMbps: 2000 });
    expect(s.placement).toEqual([{ type: 'affinity', functions: ['a', 'b'], scope: 'site', source: { file: 'd.yaml', pointer: '/soft_constraints/0' } }]);
  });

  it('turns CDUs into container units with ports and environment; CDUs only means Kubernetes', () => {
    const f = fn(`descriptor_schema: ${TNG}/function-descriptor/vnfd-schema.yml\nvendor: eu.x\nname: f\nversion: "1"\ncloudnative_deployment_units:\n  - id: c\n    image: nginx:1\n    connection_points: [{ id: http, port: 80 }]\n    resource_requirements: { cpu: { vcpus: 1 }, memory: { size: 256, size_unit: MiB } }\n    parameters: { env: { A: 1, B: true, C: x } }`);
    expect(f.target).toBe('kubernetes');
    expect(f.units[0]).toMatchObject({ kind: 'container', image: 'nginx:1', ports: [{ name: 'http', port: 80, protocol: 'TCP' }], env: { A: '1', B: 'true', C: 'x' }, resources: { cpu: 1, memoryMiB: 256 }, connectionPoints: [{ id: 'http', type: 'internal' }] });
  });

  it('needs at least one kind of unit', () => {
    expect(codes(`descriptor_schema: ${TNG}/function-descriptor/vnfd-schema.yml\nvendor: eu.x\nname: f\nversion: "1"\n`)).toEqual(['syntax.required /virtual_deployment_units']);
  });
});

describe('Pishahang import', () => {
  const CSD = (vdu: string) => `descriptor_version: "2.0"\nvendor: eu.x\nname: c\nversion: "1"\nvirtual_deployment_units:\n  - id: web\n    service_image: nginx\n${vdu.replace(/^/gm, '    ')}\n`;
  it('reads service ports, environment lists and defaults the protocol to TCP', () => {
    const f = fn(CSD('service_type: ClusterIP\nservice_ports: [{ port: 80, target_port: 8080 }]\nenvironment: [{ name: A, value: x }, { name: B, value: 2 }]'));
    expect(f.units[0]).toMatchObject({ ports: [{ port: 80, targetPort: 8080, protocol: 'TCP', serviceType: 'ClusterIP' }], env: { A: 'x', B: '2' }, replicas: 1 });
  });

  it('refuses ExternalName services and bad environment names', () => {
    expect(codes(CSD('service_type: ExternalName\nservice_ports: [{ port: 80 }]\nenvironment: [{ name: "1 bad", value: x }]'))).toEqual([
      'syntax.unsupported-feature /virtual_deployment_units/0/service_type',
      'syntax.pattern /virtual_deployment_units/0/environment/0/name',
    ]);
  });

  it('imports v2 kubernetes functions with fractional CPUs, and names unsupported flavors', () => {
    const V2 = (flavor: string) => `descriptor_type: function\ndescriptor_flavor: ${flavor}\ndescriptor_version: "1"\nvendor: eu.x\nname: f\nversion: "1"\nvirtual_deployment_units:\n  - id: u\n    service_image: nginx\n    service_type: LoadBalancer\n    service_ports: [{ port: 80 }]\n    resource_requirements: { cpu: { vcpus: 0.25 }, memory: { size: 64, size_unit: MiB } }\n`;
    expect(fn(V2('kubernetes')).units[0]).toMatchObject({ kind: 'container', resources: { cpu: 0.25, memoryMiB: 64 } });
    for (const flavor of ['aws', 'azure']) {
      const r = imp(V2(flavor));
      expect(r.descriptor).toBeUndefined();
      expect(r.findings).toEqual([expect.objectContaining({ code: 'syntax.unsupported-target', pointer: '/descriptor_flavor', line: 2 })]);
      expect(r.findings[0].message).toContain(`"${flavor}"`);
    }
  });
});

describe('importDescriptor', () => {
  it('lists at most 200 findings per file, and says how many more there are', () => {
    const vdus = Array.from({ length: 150 }, (_, i) => `  - { id: v${i}, resource_requirements: { cpu: { vcpus: x }, memory: { size: y } } }`).join('\n');
    const findings = imp(`descriptor_version: "1"\nvendor: eu.x\nname: f\nversion: "1"\nvirtual_deployment_units:\n${vdus}\n`).findings;
    expect(findings).toHaveLength(201);
    expect(findings[200]).toMatchObject({ code: 'syntax.too-many-findings', severity: 'warning', message: '100 more findings are not listed; fix these and validate again' });
  });

  it('turns a crashing importer into an internal finding instead of throwing', () => {
    jest.isolateModules(() => {
      jest.doMock('./sonata-service.importer', () => ({ importSonataService: () => { throw new Error('boom'); }, SONATA_NSD_KEYS: [] }));
      const { importDescriptor: isolated } = jest.requireActual<typeof import('./import-descriptor')>('./import-descriptor');
      const result = isolated(parseDescriptorText('s.yaml', 'descriptor_version: "1"\nvendor: v\nname: n\nversion: "1"\n'));
      expect(result.detected).toEqual({ format: 'sonata', kind: 'service' });
      expect(result.findings).toEqual([expect.objectContaining({ code: 'internal.import-failure', severity: 'error', pointer: '', line: 1 })]);
      expect(result.findings[0].message).toContain('boom');
    });
  });
});
