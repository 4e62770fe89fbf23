import type { ContainerUnit, VmUnit } from '../../descriptors/model';
import { type DeploymentInput, type PlacedFunction, copiesOf, resourceName } from './deployment-input';
import { chainedLinks, cidrFor, networkOf, siteShare, sitesOfLink } from './network-layout';
import { type Plan, type PlanStep, type StackFunctionParams, ref } from './plan.model';

/**
 * The instantiate plan of a service (DESIGN, "Instantiate"): per VIM the networks its VMs attach to,
 * images, flavors and server groups, then a port per VM connection point and the servers; a stack per
 * container function; a WAN tunnel per link spanning sites; a chain per forwarding path. Startup and
 * connectivity dependencies order functions; everything else runs in parallel.
 */
export function buildInstantiatePlan(input: DeploymentInput): Plan {
  // A function at 0 copies (removed by an update, or scaled to nothing) has no steps, but keeps its placement.
  const b = new PlanBuilder({ ...input, functions: input.functions.filter((f) => copiesOf(f, input.copies) > 0) }, input.functions);
  for (const f of b.present) (f.descriptor.target === 'openstack' ? b.vmFunction(f) : b.containerFunction(f));
  b.dependencies();
  b.tunnels();
  b.chains();
  const functions = Object.fromEntries(input.functions.map((f) => {
    const k = f.descriptor.key;
    return [f.ref.id, { vnfPkgId: f.vnfPkgId, vnfdId: `${k.vendor}:${k.name}:${k.version}`, vendor: k.vendor, name: k.name, version: k.version, siteId: f.siteId, vimId: f.vimId, copies: copiesOf(f, input.copies) }];
  }));
  return { steps: [...b.steps.values()], functions, hostAntiAffinity: input.hostAntiAffinity, ...(input.vnffgs ? { vnffgs: input.vnffgs } : {}) };
}

class PlanBuilder {
  readonly steps = new Map<string, PlanStep>();
  /** Steps that bring each function up (servers or stack), for dependencies and chains. */
  private readonly upSteps = new Map<string, string[]>();
  private readonly networkIndex = new Map<string, number>();
  private readonly chained: Set<string>;

  readonly present: PlacedFunction[];

  constructor(private readonly input: DeploymentInput, all: PlacedFunction[]) {
    this.chained = chainedLinks(input.service);
    this.present = input.functions;
    // Network numbers (and so CIDRs) come from every function of the service, present or not, so a
    // network keeps its subnet whichever functions an update removes or adds.
    for (const f of all.filter((x) => x.descriptor.target === 'openstack')) {
      for (const unit of f.descriptor.units.filter((u): u is VmUnit => u.kind === 'vm')) {
        for (const cp of unit.connectionPoints) {
          const key = networkOf(input.service, f, unit.id, cp.id)?.key;
          if (key !== undefined && !this.networkIndex.has(key)) this.networkIndex.set(key, this.networkIndex.size);
        }
      }
    }
  }

  private add(step: PlanStep): string {
    if (!this.steps.has(step.id)) this.steps.set(step.id, step);
    return step.id;
  }

  private name(...parts: Array<string | number>): string {
    return resourceName(this.input.nsInstanceId, ...parts);
  }

  private network(key: string, internal: boolean, f: PlacedFunction): string {
    if (!this.networkIndex.has(key)) this.networkIndex.set(key, this.networkIndex.size);
    const cidr = cidrFor(this.networkIndex.get(key)!);
    const sites = internal ? [f.siteId] : sitesOfLink(this.input.service, this.input.functions.filter((x) => x.descriptor.target === 'openstack'), key);
    return this.add({
      id: `network:${key}@${f.vimId}`, kind: 'network', vimId: f.vimId, siteId: f.siteId,
      params: { name: this.name(key), cidr, ...siteShare(Math.max(0, sites.indexOf(f.siteId)), sites.length, cidr), portSecurity: internal || !this.chained.has(key) },
      dependsOn: [],
    });
  }

  vmFunction(f: PlacedFunction): void {
    const fn = f.ref.id;
    const group = this.input.hostAntiAffinity.findIndex((g) => g.includes(fn));
    const groupStep = group < 0 ? undefined : this.add({ id: `server-group:${group}@${f.vimId}`, kind: 'server-group', vimId: f.vimId, siteId: f.siteId, params: { name: this.name('anti', group), policy: 'anti-affinity' }, dependsOn: [] });
    const up: string[] = [];
    for (let copy = 0; copy < copiesOf(f, this.input.copies); copy++) {
      for (const unit of f.descriptor.units.filter((u): u is VmUnit => u.kind === 'vm')) {
        for (let i = 0; i < (unit.scaling?.initial ?? 1); i++) up.push(this.server(f, unit, `${copy * (unit.scaling?.initial ?? 1) + i}`, groupStep));
      }
    }
    this.upSteps.set(fn, up);
  }

  private server(f: PlacedFunction, unit: VmUnit, index: string, groupStep?: string): string {
    const fn = f.ref.id;
    const r = unit.resources;
    const image = this.add({ id: `image:${unit.image.name}@${f.vimId}`, kind: 'image', vimId: f.vimId, siteId: f.siteId, params: { name: unit.image.name, url: unit.image.url, checksum: unit.image.checksum?.hash, diskFormat: unit.image.format }, dependsOn: [] });
    const size = `c${r.vcpus}-m${r.memoryMiB}-d${r.storageGiB ?? 0}`;
    const flavor = this.add({ id: `flavor:${size}@${f.vimId}`, kind: 'flavor', vimId: f.vimId, siteId: f.siteId, params: { vcpus: r.vcpus, memoryMiB: r.memoryMiB, diskGiB: r.storageGiB ?? 0 }, dependsOn: [] });
    const ports: string[] = [];
    for (const cp of unit.connectionPoints) {
      const net = networkOf(this.input.service, f, unit.id, cp.id);
      if (!net) continue;
      const netStep = this.network(net.key, net.internal, f);
      ports.push(this.add({
        id: `port:${fn}.${unit.id}.${index}.${cp.id}`, kind: 'port', vimId: f.vimId, siteId: f.siteId, functionId: fn,
        params: {
          name: this.name(fn, unit.id, index, cp.id), networkId: ref(netStep, 'networkId'), unitId: unit.id, cpId: cp.id, network: net.key,
          // A pinned address can only be given to one instance.
          ...(index === '0' && cp.ip ? { fixedIp: cp.ip } : {}), ...(index === '0' && cp.mac ? { macAddress: cp.mac } : {}),
          portSecurity: cp.portSecurity ?? true,
        },
        dependsOn: [netStep],
      }));
    }
    return this.add({
      id: `server:${fn}.${unit.id}.${index}`, kind: 'server', vimId: f.vimId, siteId: f.siteId, functionId: fn,
      params: {
        name: this.name(fn, unit.id, index), unitId: unit.id, flavorId: ref(flavor, 'flavorId'), imageId: ref(image, 'imageId'), portIds: ports.map((p) => ref(p, 'portId')),
        ...(unit.userData ? { userData: unit.userData } : {}), ...(groupStep ? { serverGroupId: ref(groupStep, 'serverGroupId') } : {}),
      },
      dependsOn: [image, flavor, ...ports, ...(groupStep ? [groupStep] : [])],
    });
  }

  /**
   * A container function joins the one stack of its cluster (per NS instance and Kubernetes VIM): its
   * units, its endpoints, and the configuration its dependencies give it.
   */
  containerFunction(f: PlacedFunction): void {
    const units = f.descriptor.units.filter((u): u is ContainerUnit => u.kind === 'container');
    const copies = copiesOf(f, this.input.copies);
    const id = this.add({ id: `stack:${f.vimId}`, kind: 'stack', vimId: f.vimId, siteId: f.siteId, params: { name: this.name('stack', f.vimId), functions: [] }, dependsOn: [] });
    (this.steps.get(id)!.params.functions as StackFunctionParams[]).push({
      functionId: f.ref.id,
      units: units.map((u) => ({ id: u.id, image: u.image, replicas: copies * (u.scaling?.initial ?? u.replicas), ports: u.ports, env: u.env, resources: u.resources, ...(u.probes ? { probes: u.probes } : {}) })),
      endpoints: f.descriptor.connectionPoints.filter((c) => c.port !== undefined).map((c) => ({ id: c.id, port: c.port })),
      inject: {},
    });
    this.upSteps.set(f.ref.id, [id]);
  }

  private stackFunction(stepId: string, fn: string): StackFunctionParams | undefined {
    const step = this.steps.get(stepId);
    return step?.kind === 'stack' ? (step.params.functions as StackFunctionParams[]).find((x) => x.functionId === fn) : undefined;
  }

  /**
   * Startup: `from` waits for `to`. Connectivity: `from` also gets `to`'s endpoint address as configuration:
   * a stack in its environment, a server in its Nova metadata (the guest reads it from the metadata service
   * or config drive).
   */
  dependencies(): void {
    for (const d of this.input.service.dependencies) {
      const from = this.upSteps.get(d.from) ?? [];
      const to = this.upSteps.get(d.to) ?? [];
      // Two microservices of one stack: Terraform orders them and resolves the address inside the stack.
      const local = from.length === 1 && from[0] === to[0] ? this.stackFunction(from[0], d.from) : undefined;
      if (local) {
        local.after = [...new Set([...(local.after ?? []), d.to])];
        if (d.type === 'connectivity' && d.inject && d.endpoint) local.local = { ...local.local, [d.inject]: { functionId: d.to, endpoint: d.endpoint } };
        continue;
      }
      for (const s of from) this.steps.get(s)!.dependsOn.push(...to.filter((t) => !this.steps.get(s)!.dependsOn.includes(t)));
      if (d.type !== 'connectivity' || !d.inject || !d.endpoint) continue;
      const target = this.addressOf(d.to, d.endpoint);
      for (const s of from) {
        const step = this.steps.get(s)!;
        const fnOfStack = this.stackFunction(s, d.from);
        if (fnOfStack && target) fnOfStack.inject[d.inject] = target.value;
        if (step.kind === 'server' && target) step.params.metadata = { ...(step.params.metadata as object | undefined), [d.inject]: target.value };
        if (target && !step.dependsOn.includes(target.step)) step.dependsOn.push(target.step);
      }
    }
  }

  /** Where function `fn`'s endpoint `cp` answers: a stack's service address, or the IP of a VM's port behind that cp. */
  private addressOf(fn: string, cp: string): { step: string; value: unknown } | undefined {
    const stack = (this.upSteps.get(fn) ?? []).find((id) => this.steps.get(id)?.kind === 'stack');
    if (stack) return { step: stack, value: ref(stack, `endpoint:${fn}.${cp}`) };
    const port = this.portBehind(fn, cp);
    return port ? { step: port, value: ref(port, 'ip') } : undefined;
  }

  /**
   * The VM port a path's hop at `fn:cp` steers to: the first copy's (a path goes through one instance of
   * each function; spreading a path over copies would need a select group per hop).
   */
  private portBehind(fn: string, cp: string): string | undefined {
    return [...this.steps.values()].find((s) => s.kind === 'port' && s.functionId === fn && this.functionCpOfPort(fn, s) === cp)?.id;
  }

  /** The function connection point a port's unit cp is wired to, through the function's own virtual links. */
  private functionCpOfPort(fn: string, port: PlanStep): string | undefined {
    const f = this.input.functions.find((x) => x.ref.id === fn)!;
    const unitCp = `${port.params.unitId}:${port.params.cpId}`;
    const fvl = f.descriptor.virtualLinks.find((l) => l.connectionPointRefs.includes(unitCp));
    return fvl?.connectionPointRefs.find((r) => !r.includes(':'));
  }

  tunnels(): void {
    for (const vl of this.input.service.virtualLinks) {
      const sites = sitesOfLink(this.input.service, this.input.functions, vl.id);
      for (let i = 1; i < sites.length; i++) {
        const nets = [...this.steps.values()].filter((s) => s.kind === 'network' && s.id.startsWith(`network:${vl.id}@`) && [sites[0], sites[i]].includes(s.siteId!));
        if (nets.length < 2) continue; // one side has no VM network (containers only): nothing to join at L2
        this.add({ id: `wan-tunnel:${vl.id}:${sites[0]}~${sites[i]}`, kind: 'wan-tunnel', siteId: sites[0], params: { name: this.name('wan', vl.id, i), link: vl.id, siteA: sites[0], siteB: sites[i] }, dependsOn: nets.map((n) => n.id) });
      }
    }
  }

  /** A chain per path of each forwarding graph the NS has set up (all of the NSD's unless an update changed them). */
  chains(): void {
    const active = this.input.vnffgs;
    for (const g of this.input.service.forwardingGraphs.filter((x) => !active || active[x.id])) {
      const up = [...new Set(g.constituentFunctions.flatMap((fn) => this.upSteps.get(fn) ?? []))];
      const tunnels = [...this.steps.values()].filter((s) => s.kind === 'wan-tunnel' && g.constituentVirtualLinks.includes(String(s.params.link))).map((s) => s.id);
      for (const p of g.paths.filter((x) => !active || active[g.id].paths[x.id])) {
        const override = active?.[g.id].paths[p.id];
        const hops = [...p.hops].sort((a, b) => a.position - b.position).map((h) => {
          const [fn, cp] = h.connectionPointRef.includes(':') ? h.connectionPointRef.split(':') : [undefined, h.connectionPointRef];
          const f = this.input.functions.find((x) => x.ref.id === fn);
          const port = fn ? this.portBehind(fn, cp) : undefined;
          return { connectionPointRef: h.connectionPointRef, functionId: fn ?? null, cp, siteId: f?.siteId ?? null, ...(port ? { port: { portId: ref(port, 'portId'), mac: ref(port, 'mac'), ip: ref(port, 'ip') } } : {}) };
        });
        const wan = tunnels.map((id) => this.steps.get(id)!.params).map((t) => ({ name: t.name, siteA: t.siteA, siteB: t.siteB }));
        this.add({ id: `chain:${g.id}.${p.id}`, kind: 'chain', params: { name: this.name('chain', g.id, p.id), graph: g.id, path: p.id, members: g.constituentFunctions.filter((fn) => this.upSteps.has(fn)), hops, tunnels: wan, classifier: (override && 'classifier' in override ? override.classifier : p.classifier) ?? null }, dependsOn: [...up, ...tunnels] });
      }
    }
  }
}
