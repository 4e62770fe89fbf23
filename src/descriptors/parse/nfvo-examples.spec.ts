import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { FunctionDescriptor, ServiceDescriptor } from '../model';
import { importDescriptor } from './import-descriptor';
import { parseDescriptorText } from './parse-descriptor-text';
import { findRepoRoot } from './repo-root';
import { SYNTAX_CODES } from './syntax-codes';

const root = findRepoRoot()!;
const complex = join(root, 'descriptors', 'examples', 'complex-service');
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const load = (file: string) => importDescriptor(parseDescriptorText(`complex-service/${file}`, readFileSync(join(complex, file), 'utf8')));

describe('the nfvo format examples', () => {
  it.each(readdirSync(complex).filter((f) => f.endsWith('.yaml')))('%s imports with no findings', (file) => {
    const result = load(file);
    expect(result.findings).toEqual([]);
    expect(result.descriptor?.sourceFormat).toBe('nfvo');
  });

  it('imports the complex service with its chain, dependencies and placement (golden)', () => {
    const s = load('nsd.yaml').descriptor as ServiceDescriptor;
    expect(s.key).toEqual({ vendor: 'eu.example.nfvo', name: 'complex-edge-web', version: '1.0' });
    expect(s.functions.map((f) => [f.id, f.descriptor.name])).toEqual([['fw', 'firewall-vnf'], ['lb', 'loadbalancer-vnf'], ['frontend', 'web-frontend'], ['backend', 'web-backend']]);
    expect(s.functions[1]).toMatchObject({ scaling: { min: 1, max: 2, initial: 1 }, source: { file: 'complex-service/nsd.yaml', pointer: '/functions/1' } });
    expect(s.virtualLinks.find((vl) => vl.id === 'fw-2-lb')).toMatchObject({ connectivityType: 'E-Line', connectionPointRefs: ['fw:output', 'lb:input'], qos: { bandwidthMbps: 100, latencyMs: 20 } });
    const path = s.forwardingGraphs[0].paths[0];
    expect(path.classifier).toEqual({ protocol: 'tcp', destinationPort: 80 });
    expect(path.hops.map((h) => `${h.position}:${h.connectionPointRef}`)).toEqual(['1:client', '2:fw:input', '3:fw:output', '4:lb:input', '5:lb:output', '6:frontend:http']);
    expect(path.hops[1].source.pointer).toBe('/forwarding_graphs/0/network_forwarding_paths/0/connection_points/1');
    expect(s.dependencies.map(({ source: _s, ...d }) => d)).toEqual([
      { from: 'frontend', to: 'backend', type: 'connectivity', endpoint: 'api', inject: 'BACKEND_URL' },
      { from: 'frontend', to: 'backend', type: 'startup' },
    ]);
    expect(s.placement.map(({ source: _s, ...p }) => p)).toEqual([
      { type: 'allowed-sites', functions: ['fw'], sites: ['site-a'] },
      { type: 'allowed-sites', functions: ['lb', 'frontend', 'backend'], sites: ['site-b'] },
      { type: 'anti-affinity', functions: ['fw', 'lb'], scope: 'site' },
      { type: 'max-latency', functions: ['fw', 'lb'], maxLatencyMs: 20 },
    ]);
  });

  it('imports the VNFs as VM functions and the microservices as container functions', () => {
    const fw = load('firewall-vnfd.yaml').descriptor as FunctionDescriptor;
    expect(fw).toMatchObject({ target: 'openstack', units: [{ kind: 'vm', id: 'fw-vm', resources: { vcpus: 2, memoryMiB: 2048, storageGiB: 10 }, image: { name: 'nfvo-example-firewall-1.0', format: 'qcow2' } }] });
    expect(fw.units[0].connectionPoints.map((cp) => cp.portSecurity)).toEqual([undefined, false, false]);
    const front = load('frontend-msd.yaml').descriptor as FunctionDescriptor;
    expect(front.target).toBe('kubernetes');
    expect(front.units[0]).toMatchObject({
      kind: 'container', replicas: 2, env: { LOG_LEVEL: 'info', HTTP_PORT: '8080' }, resources: { cpu: 0.5, memoryMiB: 256 },
      ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP', serviceType: 'NodePort' }],
      probes: { liveness: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 }, readiness: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 5 } },
    });
    expect(front.connectionPoints).toEqual([{ id: 'http', interface: 'ipv4', type: 'serviceendpoint', port: 80, source: { file: 'complex-service/frontend-msd.yaml', pointer: '/connection_points/0' } }]);
  });

  it('reports schema violations of the nfvo format with pointers and lines', () => {
    const text = readFileSync(join(complex, 'backend-msd.yaml'), 'utf8').replace('replicas: 2', 'replicas: two').replace('target: kubernetes', 'target: k8s');
    const result = importDescriptor(parseDescriptorText('backend-msd.yaml', text));
    expect(result.descriptor).toBeUndefined();
    expect(result.findings.map((f) => [f.code, f.pointer, f.line])).toEqual([
      ['syntax.enum', '/target', lineOf(text, 'target: k8s')],
      ['syntax.type', '/units/0/replicas', lineOf(text, 'replicas: two')],
    ]);
  });

  it('checks what the schema cannot: scaling bounds and replicas within them', () => {
    const text = readFileSync(join(complex, 'frontend-msd.yaml'), 'utf8').replace('replicas: 2', 'replicas: 9');
    expect(importDescriptor(parseDescriptorText('f.yaml', text)).findings).toEqual([expect.objectContaining({ code: 'syntax.range', pointer: '/units/0/replicas', line: lineOf(text, 'replicas: 9'), column: 5 })]);
  });
});

describe('the published schemas', () => {
  it('are valid draft-07 JSON Schemas', () => {
    const ajv = new Ajv({ strict: false, validateSchema: true });
    for (const file of ['nfvo-common.schema.json', 'nfvo-service.schema.json', 'nfvo-function.schema.json']) {
      const schema = JSON.parse(readFileSync(join(root, 'descriptors', 'schemas', file), 'utf8')) as object;
      expect(ajv.validateSchema(schema)).toBe(true);
    }
  });

  it('are documented with every syntax code in the examples README', () => {
    const readme = readFileSync(join(root, 'descriptors', 'examples', 'README.md'), 'utf8');
    for (const [code, { severity }] of Object.entries(SYNTAX_CODES)) expect(readme).toContain(`| \`${code}\` | ${severity} |`);
  });
});
