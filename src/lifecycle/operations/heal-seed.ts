import { NfvoError } from '../../shared/nfvo-error';
import type { NsInstance } from '../domain/ns-instance.model';
import type { StepRecord } from '../engine/step-journal.port';
import { type Plan, functionsOf } from '../plan/plan.model';
import type { Deployment } from '../ports/lcm-run-store.port';
import { vnfFunctions } from './vnf-functions';

/**
 * HEAL (SOL005 cl. 6.4.7) runs the NS's own deployment plan again: the steps of the affected functions
 * start PENDING, every other step counts as DONE with its recorded output. Because every step ensures
 * its resource, a deleted server (or one in ERROR) is built again and what is healthy is left as it is.
 * `healVnfData` names the affected VNF instances; `healNsData` heals every function.
 */
export function healSeed(d: Deployment, ns: NsInstance, params: Record<string, unknown>): StepRecord[] {
  const affected = healedFunctions(d, ns, params);
  return d.plan.steps.map((s) => {
    // A chain through a healed function is ensured again too: a rebuilt server has new ports (new MACs).
    const through = s.kind === 'chain' ? ((s.params.members as string[] | undefined) ?? []) : [];
    const heal = affected ? [...functionsOf(s), ...through].some((fn) => affected.has(fn)) : true;
    return heal ? { stepId: s.id, state: 'PENDING', attempts: 0 } : { stepId: s.id, state: 'KEPT', attempts: 0, output: d.outputs[s.id] };
  });
}

/** The functions `healVnfData` names (all when it is absent: `healNsData`); 422 for a VNF instance not in the NS. */
function healedFunctions(d: Deployment, ns: NsInstance, params: Record<string, unknown>): Set<string> | undefined {
  const vnfData = params.healVnfData as Array<{ vnfInstanceId: string }> | undefined;
  if (!vnfData?.length) return undefined;
  const byId = vnfFunctions(ns, d);
  const unknown = vnfData.filter((v) => !byId.has(v.vnfInstanceId)).map((v) => v.vnfInstanceId);
  if (unknown.length) throw new NfvoError('UNPROCESSABLE', `healVnfData names VNF instances that are not part of NS instance ${ns.id}: ${unknown.join(', ')}.`);
  return new Set(vnfData.map((v) => byId.get(v.vnfInstanceId)!));
}

/**
 * The heal plan: the deployment's own, except that a cluster stack names the healed functions it holds
 * (`params.replace`), so their units are created anew rather than only ensured (Terraform `-replace`).
 */
export function healPlan(d: Deployment, ns: NsInstance, params: Record<string, unknown>): Plan {
  const affected = healedFunctions(d, ns, params);
  return {
    ...d.plan,
    steps: d.plan.steps.map((s) => {
      const replace = s.kind === 'stack' ? functionsOf(s).filter((fn) => !affected || affected.has(fn)) : [];
      return replace.length ? { ...s, params: { ...s.params, replace } } : s;
    }),
  };
}
