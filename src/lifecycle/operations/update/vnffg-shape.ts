import { NfvoError } from '../../../shared/nfvo-error';
import type { NsInstance } from '../../domain/ns-instance.model';
import type { VnffgShape } from '../../plan/plan.model';
import type { Deployment } from '../../ports/lcm-run-store.port';
import type { LoadedService } from '../plan-instantiation';
import { type NfpRule, classifierOf } from './nfp-rule';
import { copiesNow, graphFunctions, graphsNow } from './vnf-shape';

export interface UpdateVnffgData {
  vnffgInfoId: string;
  nfp?: Array<{ nfpInfoId?: string; nfpName?: string; description?: string; cpGroup?: unknown[]; nfpRule?: NfpRule }>;
  nfpInfoId?: string[];
}

/** ADD_VNFFG (SOL005 AddVnffgData): sets up forwarding graphs of the NSD the NS does not have, once every VNF they pass runs. */
export function addVnffgs(svc: LoadedService, ns: NsInstance, d: Deployment, data: Array<{ vnffgdId: string }>): VnffgShape {
  const graphs = structuredClone(graphsNow(svc.service, d));
  const copies = copiesNow(d);
  for (const { vnffgdId } of data) {
    const g = svc.service.forwardingGraphs.find((x) => x.id === vnffgdId);
    if (!g) throw new NfvoError('UNPROCESSABLE', `vnffgdId ${vnffgdId} is not a VNFFG descriptor of NSD ${ns.nsdId}; it has ${svc.service.forwardingGraphs.map((x) => x.id).join(', ') || 'none'}.`);
    if (graphs[g.id]) throw new NfvoError('UNPROCESSABLE', `NS instance ${ns.id} already has VNFFG ${g.id} (vnffgInfo ${g.id}).`);
    const absent = [...graphFunctions(svc.service, g.id)].filter((fn) => !(copies[fn] > 0));
    if (absent.length) throw new NfvoError('UNPROCESSABLE', `VNFFG ${g.id} passes ${absent.join(', ')}, which NS instance ${ns.id} does not run; add ${absent.length > 1 ? 'them' : 'it'} first (ADD_VNF).`);
    graphs[g.id] = { paths: Object.fromEntries(g.paths.map((p) => [p.id, {}])) };
  }
  return graphs;
}

/** REMOVE_VNFFG (SOL005 removeVnffgId): takes the graphs' chains down; the VNFs stay. */
export function removeVnffgs(svc: LoadedService, ns: NsInstance, d: Deployment, ids: string[]): VnffgShape {
  const graphs = structuredClone(graphsNow(svc.service, d));
  const unknown = ids.filter((id) => !graphs[id]);
  if (unknown.length) throw new NfvoError('UNPROCESSABLE', `removeVnffgId names VNFFGs that NS instance ${ns.id} does not have: ${unknown.join(', ')}.`);
  for (const id of ids) delete graphs[id];
  return graphs;
}

/**
 * UPDATE_VNFFG (SOL005 UpdateVnffgData): per NFP (a forwarding path of the VNFFGD) a new classification
 * rule, or the NSD's path set up again; `nfpInfoId` takes NFPs down. NFPs with other hops than the
 * NSD's (new NFPs, cpGroup) are refused: a path's hops come from the descriptor.
 */
export function updateVnffgs(svc: LoadedService, ns: NsInstance, d: Deployment, data: UpdateVnffgData[]): VnffgShape {
  const graphs = structuredClone(graphsNow(svc.service, d));
  for (const u of data) {
    const shape = graphs[u.vnffgInfoId];
    if (!shape) throw new NfvoError('UNPROCESSABLE', `vnffgInfoId ${u.vnffgInfoId} is not a VNFFG of NS instance ${ns.id}; it has ${Object.keys(graphs).join(', ') || 'none'}.`);
    const paths = svc.service.forwardingGraphs.find((g) => g.id === u.vnffgInfoId)!.paths.map((p) => p.id);
    for (const n of u.nfp ?? []) {
      if (!n.nfpInfoId || !paths.includes(n.nfpInfoId)) throw new NfvoError('UNPROCESSABLE', `Each nfp needs the nfpInfoId of a path of VNFFG ${u.vnffgInfoId} (${paths.join(', ')}); NFPs with other hops cannot be created, the hops come from the NSD.`);
      if (n.cpGroup !== undefined) throw new NfvoError('UNPROCESSABLE', `nfp ${n.nfpInfoId}: cpGroup cannot be changed; the hops of an NFP come from the NSD.`);
      shape.paths[n.nfpInfoId] = n.nfpRule ? { classifier: classifierOf(n.nfpRule) } : shape.paths[n.nfpInfoId] ?? {};
    }
    for (const id of u.nfpInfoId ?? []) {
      if (!shape.paths[id]) throw new NfvoError('UNPROCESSABLE', `nfpInfoId ${id} is not an NFP of VNFFG ${u.vnffgInfoId} in NS instance ${ns.id}.`);
      delete shape.paths[id];
    }
    if (!Object.keys(shape.paths).length) throw new NfvoError('UNPROCESSABLE', `The update leaves VNFFG ${u.vnffgInfoId} without NFPs; remove the VNFFG instead (REMOVE_VNFFG).`);
  }
  return graphs;
}
