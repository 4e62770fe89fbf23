import type { DescriptorStore } from '../../../packages/ports/descriptor-store.port';
import { NfvoError } from '../../../shared/nfvo-error';
import type { NsInstance } from '../../domain/ns-instance.model';
import type { NsLcmOpOcc } from '../../domain/ns-lcm-op-occ.model';
import type { StepRecord } from '../../engine/step-journal.port';
import type { Plan } from '../../plan/plan.model';
import type { Deployment } from '../../ports/lcm-run-store.port';
import { type ModifyVnfInfoData, checkModifyVnfInfo } from '../modify-vnf-information';
import { loadService } from '../plan-instantiation';
import { replan } from '../replan';
import { addVnfCopies, removeVnfCopies } from './vnf-shape';
import { type UpdateVnffgData, addVnffgs, removeVnffgs, updateVnffgs } from './vnffg-shape';

/** The update types this NFVO carries out (SOL005 UpdateType), with the request member each needs. */
export const UPDATE_DATA: Readonly<Record<string, string>> = {
  ADD_VNF: 'addVnfInstance', REMOVE_VNF: 'removeVnfInstanceId', MODIFY_VNF_INFORMATION: 'modifyVnfInfoData',
  ADD_VNFFG: 'addVnffg', REMOVE_VNFFG: 'removeVnffgId', UPDATE_VNFFG: 'updateVnffg',
};

/**
 * UPDATE (SOL005 cl. 6.4.6): MODIFY_VNF_INFORMATION changes records only (an empty plan, applied when the
 * operation finishes); the others give the NS a new shape, reached from what runs like a scale.
 */
export async function planUpdate(descriptors: DescriptorStore, ns: NsInstance, occ: NsLcmOpOcc, d: Deployment | null | undefined): Promise<{ plan: Plan; seed: StepRecord[] }> {
  const p = occ.operationParams ?? {};
  if (p.updateType === 'MODIFY_VNF_INFORMATION') {
    checkModifyVnfInfo(ns, p.modifyVnfInfoData as ModifyVnfInfoData[] | undefined);
    return { plan: { steps: [] }, seed: [] };
  }
  if (!d) throw new NfvoError('UNPROCESSABLE', `NS instance ${ns.id} has no deployment record to update.`);
  const svc = await loadService(descriptors, ns);
  const list = <T>(v: unknown) => (v as T[] | undefined) ?? [];
  switch (p.updateType) {
    case 'ADD_VNF': return replan(svc, ns, d, { copies: addVnfCopies(svc, ns, d, list(p.addVnfInstance ?? p.addVnfIstance)) });
    case 'REMOVE_VNF': return replan(svc, ns, d, { copies: removeVnfCopies(svc, ns, d, list(p.removeVnfInstanceId)) });
    case 'ADD_VNFFG': return replan(svc, ns, d, { vnffgs: addVnffgs(svc, ns, d, list(p.addVnffg)) });
    case 'REMOVE_VNFFG': return replan(svc, ns, d, { vnffgs: removeVnffgs(svc, ns, d, list(p.removeVnffgId)) });
    case 'UPDATE_VNFFG': return replan(svc, ns, d, { vnffgs: updateVnffgs(svc, ns, d, list<UpdateVnffgData>(p.updateVnffg)) });
    default: throw new NfvoError('UNPROCESSABLE', `updateType ${String(p.updateType)} is not supported; this NFVO carries out ${Object.keys(UPDATE_DATA).join(', ')}.`);
  }
}
