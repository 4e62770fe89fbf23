import type { TrafficClassifier } from '../../descriptors/model';
import type { NfpInfo, NsInstance, VnfInstance, VnfcResourceInfo } from '../domain/ns-instance.model';
import { type PlanStep, type StackFunctionParams, functionsOf } from '../plan/plan.model';
import { nfpRuleOf } from './update/nfp-rule';
import type { Deployment } from '../ports/lcm-run-store.port';

/**
 * What an instantiated NS instance shows (SOL005 cl. 6.5.2.10) from what its plan made: a VnfInstance
 * per function with its servers or containers and the VIM they run on, a virtualLinkInfo per service
 * link with its networks, a vnffgInfo per forwarding graph.
 */
export function instantiatedView(ns: NsInstance, d: Deployment, flavourId: string): NsInstance {
  const out = (id: string) => d.outputs[id] ?? {};
  const hosts = d.plan.steps.filter((s) => s.kind === 'server' || s.kind === 'stack');
  const functions = [...new Set(hosts.flatMap(functionsOf))];
  const vnfInstance: VnfInstance[] = functions.map((fn) => {
    const steps = hosts.filter((s) => functionsOf(s).includes(fn));
    const pkg = d.plan.functions?.[fn];
    return {
      id: `${ns.id.slice(0, 8)}-${fn}`,
      vnfInstanceName: fn,
      vnfdId: pkg?.vnfdId ?? fn,
      vnfProvider: pkg?.vendor ?? '', vnfProductName: pkg?.name ?? fn, vnfSoftwareVersion: pkg?.version ?? '', vnfdVersion: pkg?.version ?? '',
      vnfPkgId: pkg?.vnfPkgId ?? '',
      vimId: steps[0]?.vimId,
      instantiationState: 'INSTANTIATED',
      instantiatedVnfInfo: {
        flavourId,
        vnfState: 'STARTED',
        vnfcResourceInfo: steps.flatMap((s): VnfcResourceInfo[] => (s.kind === 'server'
          ? [{ id: s.id.slice('server:'.length), vduId: String(s.params.unitId), computeResource: { vimConnectionId: s.vimId, resourceId: String(out(s.id).serverId ?? s.params.name), vimLevelResourceType: 'OS::Nova::Server' as const } }]
          // A container unit: its Deployment in the stack's namespace, as the stack reported it.
          : ((s.params.functions as StackFunctionParams[]).find((f) => f.functionId === fn)?.units ?? []).map((u) => ({
            id: `${fn}.${u.id}`, vduId: u.id,
            computeResource: { vimConnectionId: s.vimId, resourceId: String(out(s.id)[`unit:${fn}.${u.id}`] ?? `${s.params.name}/${fn}.${u.id}`), vimLevelResourceType: 'OSContainer' as const },
          })))),
      },
      metadata: { siteId: steps[0]?.siteId ?? '', ...endpointsOf(d, steps, fn) },
    };
  });
  const links = new Map<string, Array<{ vimId?: string; resourceId: string; vimLevelResourceType: string }>>();
  for (const s of d.plan.steps.filter((x) => x.kind === 'network')) {
    const key = s.id.slice('network:'.length, s.id.lastIndexOf('@'));
    links.set(key, [...(links.get(key) ?? []), { vimId: s.vimId, resourceId: String(out(s.id).networkId ?? s.params.name), vimLevelResourceType: 'OS::Neutron::Net' }]);
  }
  const chains = d.plan.steps.filter((s) => s.kind === 'chain');
  // What an update set on a VNF instance (name, description, metadata) survives heal and scale.
  const before = new Map((ns.vnfInstance ?? []).map((v) => [v.id, v]));
  const kept = vnfInstance.map((v) => {
    const b = before.get(v.id);
    return b ? { ...v, vnfInstanceName: b.vnfInstanceName, ...(b.vnfInstanceDescription ? { vnfInstanceDescription: b.vnfInstanceDescription } : {}), ...(b.vnfConfigurableProperties ? { vnfConfigurableProperties: b.vnfConfigurableProperties } : {}), metadata: { ...b.metadata, ...v.metadata } } : v;
  });
  return {
    ...ns, nsState: 'INSTANTIATED', flavourId, vnfInstance: kept,
    virtualLinkInfo: [...links].map(([id, resourceHandle]) => ({ id, nsVirtualLinkDescId: id, nsVirtualLinkProfileId: id, resourceHandle })),
    vnffgInfo: [...new Set(chains.map(graphOf))].map((g) => ({ id: g, vnffgdId: g, vnfInstanceId: membersOf(d, g, ns.id), nfpInfo: chains.filter((c) => graphOf(c) === g).map((c) => nfpInfoOf(ns, c)) })),
  };
}

/** A microservice's endpoint addresses, as its stack's outputs reported them (`endpoints: { <cp>: <address> }`). */
function endpointsOf(d: Deployment, steps: PlanStep[], fn: string): { endpoints?: Record<string, string> } {
  const prefix = `endpoint:${fn}.`;
  const found = steps.filter((s) => s.kind === 'stack').flatMap((s) => Object.entries(d.outputs[s.id] ?? {}).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), String(v)]));
  return found.length ? { endpoints: Object.fromEntries(found) } : {};
}

export function notInstantiatedView(ns: NsInstance): NsInstance {
  const { flavourId: _f, vnfInstance: _v, virtualLinkInfo: _l, vnffgInfo: _g, ...rest } = ns;
  return { ...rest, nsState: 'NOT_INSTANTIATED' };
}

/** The graph of a chain step (deployments made before chains named it: the step id's `chain:<graph>.<path>`). */
const graphOf = (c: PlanStep): string => String(c.params.graph ?? c.id.slice('chain:'.length).split('.')[0]);

/** A chain as an NfpInfo: its hops as connection point groups (a VNF's by `<vnfInstanceId>:<cp>`, the NS's own as SAPs). */
function nfpInfoOf(ns: NsInstance, c: PlanStep): NfpInfo {
  const path = String(c.params.path ?? c.id.slice(`chain:${graphOf(c)}.`.length));
  const hops = (c.params.hops as Array<{ functionId: string | null; cp: string }> | undefined) ?? [];
  return {
    id: path, nfpdId: path, nfpName: path,
    cpGroup: hops.map((h) => ({ cpPairInfo: [h.functionId ? { vnfExtCpIds: [`${ns.id.slice(0, 8)}-${h.functionId}:${h.cp}`] } : { sapIds: [h.cp] }] })),
    nfpRule: nfpRuleOf(c.params.classifier as TrafficClassifier | null),
    nfpState: 'ENABLED',
  };
}

/** The VNF instances of a forwarding graph: the functions whose servers or stacks its chain steps wait for. */
function membersOf(d: Deployment, graph: string, nsInstanceId: string): string[] {
  const chains = d.plan.steps.filter((s) => s.kind === 'chain' && graphOf(s) === graph);
  const ids = new Set(chains.flatMap((s) => s.dependsOn));
  const members = chains.find((c) => Array.isArray(c.params.members))?.params.members as string[] | undefined;
  // A stack holds several functions: of those, only the graph's own members count.
  const fns = new Set(d.plan.steps.filter((s) => ids.has(s.id)).flatMap((s) => functionsOf(s).filter((fn) => !members || members.includes(fn))));
  return [...fns].map((fn) => `${nsInstanceId.slice(0, 8)}-${fn}`);
}
