import { NfvoError } from '../../shared/nfvo-error';
import type { NsInstance } from '../domain/ns-instance.model';
import type { StepRecord } from '../engine/step-journal.port';
import { functionsOf } from '../plan/plan.model';
import type { Deployment } from '../ports/lcm-run-store.port';
import { vnfFunctions } from './vnf-functions';

/**
 * HEAL (SOL005 cl. 6.4.7) runs the NS's own deployment plan again: the steps of the affected functions
 * start PENDING, every other step counts as DONE with its recorded output. Because every step ensures
 * its resource, a deleted server (or one in ERROR) is built again and what is healthy is left as it is.
 * `healVnfData` names the affected VNF instances; `healNsData` heals every function.
 */
export function healSeed(d: Deployment, ns: NsInstance, params: Record<string, unknown>): StepRecord[] {
  const vnfData = params.healVnfData as Array<{ vnfInstanceId: string }> | undefined;
  let affected: Set<string> | undefined;
  if (vnfData?.length) {
    const byId = vnfFunctions(ns, d);
    const unknown = vnfData.filter((v) => !byId.has(v.vnfInstanceId)).map((v) => v.vnfInstanceId);
    if (unknown.length) throw new NfvoError('UNPROCESSABLE', `healVnfData names VNF instances that are not part of NS instance ${ns.id}: ${unknown.join(', ')}.`);
    affected = new Set(vnfData.map((v) => byId.get(v.vnfInstanceId)!));
  }
  return d.plan.steps.map((s) => {
    const heal = affected ? functionsOf(s).some((fn) => affected!.has(fn)) : true;
    return heal ? { stepId: s.id, state: 'PENDING', attempts: 0 } : { stepId: s.id, state: 'KEPT', attempts: 0, output: d.outputs[s.id] };
  });
}
