import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { App, DataResource, Fn, TerraformOutput, type TerraformResource, TerraformStack } from 'cdktf';
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
  /** Each output's value as it will be (names are deterministic): what an emulated cluster answers. */
  predicted: Record<string, string>;
  /** `<functionId>.<unitId>` -> `<namespace>/<Deployment name>`. */
  units: Record<string, string>;
  /** Function id -> the Terraform addresses of its units (what a heal replaces). */
  addresses: Record<string, string[]>;
}

/** Stack and output names: Terraform identifiers. */
const outputName = (fn: string, cp: string) => `endpoint_${fn}_${cp}`.replace(/[^A-Za-z0-9_]/g, '_');

/** Functions in an order where every function comes after those it starts after or takes an address from. */
function ordered(functions: StackFunction[]): StackFunction[] {
  const byId = new Map(functions.map((f) => [f.functionId, f]));
  const out: StackFunction[] = [];
  const seen = new Set<string>();
  const visit = (f: StackFunction, path: string[]) => {
    if (seen.has(f.functionId)) return;
    if (path.includes(f.functionId)) throw new StackInputError(`functions ${[...path, f.functionId].join(' -> ')} depend on each other in a cycle`);
    for (const dep of new Set([...(f.after ?? []), ...Object.values(f.local ?? {}).map((l) => l.functionId)])) {
      const d = byId.get(dep);
      if (!d) throw new StackInputError(`function ${f.functionId} depends on ${dep}, which is not in the stack`);
      visit(d, [...path, f.functionId]);
    }
    seen.add(f.functionId);
    out.push(f);
  };
  for (const f of functions) visit(f, []);
  return out;
}

/**
 * The Terraform stack of one NS instance's microservices on one cluster (cdktf, in process): a namespace,
 * per container unit a Deployment (image, ports, env with the injected configuration, resources, replicas,
 * probes) and a Service per exposed port, labels naming the NS instance, function and operation, and an
 * output per endpoint with its in-cluster address. A function taking another's address gets it as a
 * reference to that Service and starts after it; one that starts after another depends on its Deployment.
 * Every descriptor value is validated or escaped first.
 */
export function synthesizeStack(s: ClusterStack): SynthesizedStack {
  const name = kubernetesName('nfvo', s.nsInstanceId, s.vimId);
  const namespace = kubernetesName('nfvo', s.nsInstanceId);
  const stack = new TerraformStack(new App({ skipValidation: true }), name);
  const out: Omit<SynthesizedStack, 'json'> = { name, namespace, endpoints: {}, predicted: {}, units: {}, addresses: {} };
  const owned = { 'app.kubernetes.io/managed-by': 'nfvo', 'nfvo.io/ns-instance-id': labelValue(s.nsInstanceId) };
  const opLabel = { 'nfvo.io/ns-lcm-op-occ-id': labelValue(s.nsLcmOpOccId) };
  let nsRef = namespace;
  if (s.target === 'kubernetes') {
    new KubernetesProvider(stack, 'kubernetes', {});
    nsRef = new NamespaceV1(stack, 'namespace', { metadata: { name: namespace, labels: { ...owned, ...opLabel } } }).metadata.name;
  }
  /** Per function: endpoint id -> its address as a Terraform expression, and the resources its units became. */
  const address = new Map<string, Map<string, string>>();
  const made = new Map<string, TerraformResource[]>();
  for (const f of ordered(s.functions)) {
    out.endpoints[f.functionId] = {};
    out.addresses[f.functionId] = [];
    const mine = new Map<string, string>();
    address.set(f.functionId, mine);
    made.set(f.functionId, []);
    const local = Object.fromEntries(Object.entries(f.local ?? {}).map(([k, l]) => {
      const a = address.get(l.functionId)?.get(l.endpoint);
      if (a === undefined) throw new StackInputError(`function ${f.functionId}: ${k} takes the address of ${l.functionId}:${l.endpoint}, which exposes no such endpoint`);
      return [k, a];
    }));
    const after = [...new Set([...(f.after ?? []), ...Object.values(f.local ?? {}).map((l) => l.functionId)])].flatMap((fn) => made.get(fn) ?? []);
    for (const u of f.units) {
      const where = `function ${f.functionId}, unit ${u.id}`;
      const deployment = kubernetesName(f.functionId, u.id);
      out.units[`${f.functionId}.${u.id}`] = `${namespace}/${deployment}`;
      const labels = { ...owned, 'nfvo.io/function': labelValue(f.functionId), 'app.kubernetes.io/name': deployment };
      const spec = unitSpec(f, u, where, local);
      const services = u.ports.filter((p) => p.serviceType).map((p) => ({ p, svc: kubernetesName(f.functionId, p.name ?? `${u.id}-${p.port}`) }));
      const byPort: Record<number, { expr: string; literal: string }> = {};
      if (s.target === 'test') {
        out.addresses[f.functionId].push(`terraform_data.unit-${deployment}`);
        const data = new DataResource(stack, `unit-${deployment}`, { dependsOn: after, input: { deployment, namespace, labels, ...spec, services: Object.fromEntries(services.map(({ p, svc }) => [svc, { name: svc, type: p.serviceType, port: p.port }])) } });
        made.get(f.functionId)!.push(data);
        // Read back from the applied resource's output, so an endpoint exists only once its unit does.
        for (const { p, svc } of services) byPort[p.port] = { expr: `http://${Fn.lookupNested(data.output, ['services', svc, 'name'])}.${namespace}:${p.port}`, literal: `http://${svc}.${namespace}:${p.port}` };
      } else {
        out.addresses[f.functionId].push(`kubernetes_deployment_v1.deployment-${deployment}`);
        made.get(f.functionId)!.push(new DeploymentV1(stack, `deployment-${deployment}`, {
          dependsOn: after,
          metadata: { name: deployment, namespace: nsRef, labels: { ...labels, ...opLabel } },
          spec: {
            replicas: String(spec.replicas),
            selector: { matchLabels: { 'app.kubernetes.io/name': deployment, 'nfvo.io/ns-instance-id': owned['nfvo.io/ns-instance-id'] } },
            // The pod template has no operation label: a new operation must not restart every pod.
            template: { metadata: { labels }, spec: { container: [container(deployment, spec)] } },
          },
          waitForRollout: true,
        }));
        for (const { p, svc } of services) {
          const service = new ServiceV1(stack, `service-${svc}`, {
            metadata: { name: svc, namespace: nsRef, labels: { ...labels, ...opLabel } },
            spec: { type: p.serviceType, selector: { 'app.kubernetes.io/name': deployment }, port: [{ port: p.port, targetPort: String(p.targetPort ?? p.port), protocol: p.protocol }] },
          });
          byPort[p.port] = { expr: `http://${service.metadata.name}.${service.metadata.namespace}:${p.port}`, literal: `http://${svc}.${namespace}:${p.port}` };
        }
      }
      for (const e of f.endpoints) {
        const a = e.port === undefined ? undefined : byPort[e.port];
        if (!a) continue;
        const o = outputName(f.functionId, e.id);
        new TerraformOutput(stack, o, { value: a.expr });
        out.endpoints[f.functionId][e.id] = o;
        out.predicted[o] = a.literal;
        // Inside the stack, the test target hands the literal on (terraform_data has no Service to refer to).
        mine.set(e.id, s.target === 'test' ? a.literal : a.expr);
      }
    }
  }
  return { ...out, json: stack.toTerraform() as Record<string, unknown> };
}

type UnitSpec = ReturnType<typeof unitSpec>;

/** The unit's values, validated and escaped: what both targets deploy. */
function unitSpec(f: StackFunction, u: StackUnit, where: string, local: Record<string, string>) {
  if (!Number.isInteger(u.replicas) || u.replicas < 0 || u.replicas > 10_000) throw new StackInputError(`${where}: replicas ${u.replicas} is not a count between 0 and 10000`);
  const env = [
    ...Object.entries({ ...u.env, ...f.inject }).filter(([k]) => !(k in local)).map(([k, v]) => ({ name: envName(k, where), value: terraformLiteral(String(v)) })),
    // Addresses of the stack's own Services: Terraform references we made, the only unescaped values.
    ...Object.entries(local).map(([k, v]) => ({ name: envName(k, where), value: v })),
  ];
  return {
    image: imageReference(u.image, where),
    replicas: u.replicas,
    env,
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
