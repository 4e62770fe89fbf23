import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { App, DataResource, Fn, TerraformOutput, TerraformStack } from 'cdktf';
import type { ContainerProbe } from '../../descriptors/model';
import type { ClusterStack, StackFunction, StackUnit } from './cluster-stack';
import { StackInputError, envName, imageReference, kubernetesName, labelValue, terraformLiteral } from './kubernetes-values';

export interface SynthesizedStack {
  name: string;
  namespace: string;
  /** Terraform JSON (`cdk.tf.json`). Holds no credentials: the runner gives the provider its cluster through the environment. */
  json: Record<string, unknown>;
  /** Function id -> endpoint id -> the stack output holding its address. */
  endpoints: Record<string, Record<string, string>>;
}

/** Stack and output names: Terraform identifiers. */
const outputName = (fn: string, cp: string) => `endpoint_${fn}_${cp}`.replace(/[^A-Za-z0-9_]/g, '_');

/**
 * The Terraform stack of one NS instance's microservices on one cluster (cdktf, in process): a namespace,
 * per container unit a Deployment (image, ports, env with the injected configuration, resources, replicas,
 * probes) and a Service per exposed port, labels naming the NS instance, function and operation, and an
 * output per endpoint with its in-cluster address. Every descriptor value is validated or escaped first.
 */
export function synthesizeStack(s: ClusterStack): SynthesizedStack {
  const name = kubernetesName('nfvo', s.nsInstanceId.slice(0, 8), s.vimId.slice(0, 8));
  const namespace = kubernetesName('nfvo', s.nsInstanceId);
  const app = new App({ skipValidation: true });
  const stack = new TerraformStack(app, name);
  const endpoints: SynthesizedStack['endpoints'] = {};
  const owned = { 'app.kubernetes.io/managed-by': 'nfvo', 'nfvo.io/ns-instance-id': labelValue(s.nsInstanceId) };
  const opLabel = { 'nfvo.io/ns-lcm-op-occ-id': labelValue(s.nsLcmOpOccId) };
  let nsRef = namespace;
  if (s.target === 'kubernetes') {
    new KubernetesProvider(stack, 'kubernetes', {});
    nsRef = new NamespaceV1(stack, 'namespace', { metadata: { name: namespace, labels: { ...owned, ...opLabel } } }).metadata.name;
  }
  for (const f of s.functions) {
    endpoints[f.functionId] = {};
    for (const u of f.units) {
      const where = `function ${f.functionId}, unit ${u.id}`;
      const deployment = kubernetesName(f.functionId, u.id);
      const labels = { ...owned, 'nfvo.io/function': labelValue(f.functionId), 'app.kubernetes.io/name': deployment };
      const spec = unitSpec(f, u, where);
      const services = u.ports.filter((p) => p.serviceType).map((p) => ({ p, svc: kubernetesName(f.functionId, p.name ?? `${u.id}-${p.port}`) }));
      const address: Record<number, string> = {};
      if (s.target === 'test') {
        const data = new DataResource(stack, `unit-${deployment}`, { input: { deployment, namespace, labels, ...spec, services: Object.fromEntries(services.map(({ p, svc }) => [svc, { name: svc, type: p.serviceType, port: p.port }])) } });
        // Read back from the applied resource's output, so an endpoint exists only once its unit does.
        for (const { p, svc } of services) address[p.port] = `http://${Fn.lookupNested(data.output, ['services', svc, 'name'])}.${namespace}:${p.port}`;
      } else {
        new DeploymentV1(stack, `deployment-${deployment}`, {
          metadata: { name: deployment, namespace: nsRef, labels: { ...labels, ...opLabel } },
          spec: {
            replicas: String(spec.replicas),
            selector: { matchLabels: { 'app.kubernetes.io/name': deployment, 'nfvo.io/ns-instance-id': owned['nfvo.io/ns-instance-id'] } },
            // The pod template has no operation label: a new operation must not restart every pod.
            template: { metadata: { labels }, spec: { container: [container(deployment, spec)] } },
          },
          waitForRollout: true,
        });
        for (const { p, svc } of services) {
          const service = new ServiceV1(stack, `service-${svc}`, {
            metadata: { name: svc, namespace: nsRef, labels: { ...labels, ...opLabel } },
            spec: { type: p.serviceType, selector: { 'app.kubernetes.io/name': deployment }, port: [{ port: p.port, targetPort: String(p.targetPort ?? p.port), protocol: p.protocol }] },
          });
          address[p.port] = `http://${service.metadata.name}.${service.metadata.namespace}:${p.port}`;
        }
      }
      for (const e of f.endpoints) {
        if (e.port === undefined || address[e.port] === undefined) continue;
        const out = outputName(f.functionId, e.id);
        new TerraformOutput(stack, out, { value: address[e.port] });
        endpoints[f.functionId][e.id] = out;
      }
    }
  }
  return { name, namespace, json: stack.toTerraform() as Record<string, unknown>, endpoints };
}

type UnitSpec = ReturnType<typeof unitSpec>;

/** The unit's values, validated and escaped: what both targets deploy. */
function unitSpec(f: StackFunction, u: StackUnit, where: string) {
  if (!Number.isInteger(u.replicas) || u.replicas < 0 || u.replicas > 10_000) throw new StackInputError(`${where}: replicas ${u.replicas} is not a count between 0 and 10000`);
  const env = { ...u.env, ...f.inject };
  return {
    image: imageReference(u.image, where),
    replicas: u.replicas,
    env: Object.entries(env).map(([k, v]) => ({ name: envName(k, where), value: terraformLiteral(String(v)) })),
    ports: u.ports.map((p) => ({ containerPort: port(p.targetPort ?? p.port, where), protocol: p.protocol })),
    cpu: u.resources.cpu !== undefined ? `${Math.max(1, Math.round(u.resources.cpu * 1000))}m` : undefined,
    memory: u.resources.memoryMiB !== undefined ? `${Math.max(1, Math.round(u.resources.memoryMiB))}Mi` : undefined,
    liveness: probe(u.probes?.liveness, where),
    readiness: probe(u.probes?.readiness, where),
  };
}

function port(p: number, where: string): number {
  if (!Number.isInteger(p) || p < 1 || p > 65535) throw new StackInputError(`${where}: port ${p} is not between 1 and 65535`);
  return p;
}

function probe(p: ContainerProbe | undefined, where: string) {
  if (!p) return undefined;
  return {
    ...(p.httpGet ? { httpGet: { path: terraformLiteral(p.httpGet.path), port: String(port(p.httpGet.port, where)) } } : {}),
    ...(p.tcpSocket ? { tcpSocket: [{ port: String(port(p.tcpSocket.port, where)) }] } : {}),
    ...(p.periodSeconds ? { periodSeconds: p.periodSeconds } : {}),
  };
}

function container(name: string, s: UnitSpec) {
  const amounts = { ...(s.cpu ? { cpu: s.cpu } : {}), ...(s.memory ? { memory: s.memory } : {}) };
  return {
    name, image: s.image, env: s.env,
    port: s.ports,
    ...(Object.keys(amounts).length ? { resources: { requests: amounts, limits: amounts } } : {}),
    ...(s.liveness ? { livenessProbe: s.liveness } : {}),
    ...(s.readiness ? { readinessProbe: s.readiness } : {}),
  };
}
