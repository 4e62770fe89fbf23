import type { ServiceDescriptor } from '../../../descriptors/model';
import { NfvoError } from '../../../shared/nfvo-error';
import type { NsInstance } from '../../domain/ns-instance.model';
import { copiesOf } from '../../plan/deployment-input';
import type { VnffgShape } from '../../plan/plan.model';
import type { Deployment } from '../../ports/lcm-run-store.port';
import type { LoadedService } from '../plan-instantiation';
import { vnfFunctions } from '../vnf-functions';

export const copiesNow = (d: Deployment): Record<string, number> => Object.fromEntries(Object.entries(d.plan.functions ?? {}).map(([fn, f]) => [fn, f.copies]));

/** The forwarding graphs the NS has set up: what an update recorded, else every graph and path of the NSD. */
export function graphsNow(service: ServiceDescriptor, d: Deployment): VnffgShape {
  return d.plan.vnffgs ?? Object.fromEntries(service.forwardingGraphs.map((g) => [g.id, { paths: Object.fromEntries(g.paths.map((p) => [p.id, {}])) }]));
}

/** The functions a forwarding graph passes: its constituent functions and those its hops name. */
export function graphFunctions(service: ServiceDescriptor, graphId: string): Set<string> {
  const g = service.forwardingGraphs.find((x) => x.id === graphId)!;
  return new Set([...g.constituentFunctions, ...g.paths.flatMap((p) => p.hops.map((h) => h.connectionPointRef.split(':')).filter((x) => x.length === 2).map(([fn]) => fn))]);
}

/**
 * ADD_VNF (SOL005 UpdateNsRequest.addVnfInstance, spelt addVnfIstance in 2.x): VNF instances for VNF
 * profiles of the NSD the NS does not run (removed earlier). This NFVO creates the VNF instances of its
 * NS instances itself, so the VNF instance id must be the one it gives that profile in this NS.
 */
export function addVnfCopies(svc: LoadedService, ns: NsInstance, d: Deployment, data: Array<{ vnfInstanceId: string; vnfProfileId: string }>): Record<string, number> {
  const copies = copiesNow(d);
  const adding = new Set(data.map((x) => x.vnfProfileId));
  for (const { vnfInstanceId, vnfProfileId: fn } of data) {
    const ref = svc.service.functions.find((f) => f.id === fn);
    if (!ref) throw new NfvoError('UNPROCESSABLE', `vnfProfileId ${fn} is not a VNF profile of NSD ${ns.nsdId}; its profiles are ${svc.service.functions.map((f) => f.id).join(', ')}.`);
    const id = `${ns.id.slice(0, 8)}-${fn}`;
    if ((copies[fn] ?? 0) > 0) throw new NfvoError('UNPROCESSABLE', `VNF profile ${fn} already runs in NS instance ${ns.id} as VNF instance ${id}.`);
    if (vnfInstanceId !== id) throw new NfvoError('UNPROCESSABLE', `This NFVO creates the VNF instances of an NS instance itself: the VNF instance of profile ${fn} in NS instance ${ns.id} is ${id}; send that vnfInstanceId.`);
    const missing = [...new Set(svc.service.dependencies.filter((x) => x.from === fn && !(copies[x.to] > 0) && !adding.has(x.to)).map((x) => x.to))];
    if (missing.length) throw new NfvoError('UNPROCESSABLE', `VNF profile ${fn} depends on ${missing.join(', ')}, which NS instance ${ns.id} does not run; add ${missing.length > 1 ? 'them' : 'it'} in the same request or first.`);
    copies[fn] = copiesOf({ ref, descriptor: svc.fdOf(fn).descriptor });
  }
  return copies;
}

/**
 * REMOVE_VNF (SOL005 UpdateNsRequest.removeVnfInstanceId): the VNF instances are terminated (this NFVO
 * shares no VNF instance between NS instances) and leave the NS. A VNF on a forwarding graph the NS has
 * set up, or one another remaining VNF depends on, is refused with what to do first.
 */
export function removeVnfCopies(svc: LoadedService, ns: NsInstance, d: Deployment, ids: string[]): Record<string, number> {
  const byId = vnfFunctions(ns, d);
  const copies = copiesNow(d);
  const unknown = ids.filter((id) => !byId.has(id) || !(copies[byId.get(id)!] > 0));
  if (unknown.length) throw new NfvoError('UNPROCESSABLE', `removeVnfInstanceId names VNF instances that NS instance ${ns.id} does not run: ${unknown.join(', ')}.`);
  const removing = new Set(ids.map((id) => byId.get(id)!));
  const graphs = graphsNow(svc.service, d);
  for (const fn of removing) {
    const on = Object.keys(graphs).filter((g) => graphFunctions(svc.service, g).has(fn));
    if (on.length) throw new NfvoError('UNPROCESSABLE', `VNF profile ${fn} is on forwarding graph ${on.join(', ')} of NS instance ${ns.id}; remove the VNFFG first (REMOVE_VNFFG).`);
    const users = [...new Set(svc.service.dependencies.filter((x) => x.to === fn && copies[x.from] > 0 && !removing.has(x.from)).map((x) => x.from))];
    if (users.length) throw new NfvoError('UNPROCESSABLE', `${users.join(', ')} depend${users.length > 1 ? '' : 's'} on VNF profile ${fn}; remove ${users.length > 1 ? 'them' : 'it'} in the same request or first.`);
    copies[fn] = 0;
  }
  return copies;
}
