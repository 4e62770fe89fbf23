import type { DescriptorStore } from '../../packages/ports/descriptor-store.port';
import { NfvoError } from '../../shared/nfvo-error';
import type { NsInstance } from '../domain/ns-instance.model';
import type { NsLcmOpOcc } from '../domain/ns-lcm-op-occ.model';
import type { StepRecord } from '../engine/step-journal.port';
import { boundsOf } from '../plan/deployment-input';
import type { Plan } from '../plan/plan.model';
import type { Deployment } from '../ports/lcm-run-store.port';
import { loadService } from './plan-instantiation';
import { replan } from './replan';
import { vnfFunctions } from './vnf-functions';

type ScaleVnfData = { vnfInstanceId: string; scaleVnfType: string; scaleByStepData?: { aspectId?: string; numberOfSteps?: number } };
type ScaleNsStep = { scalingDirection: string; aspectId: string; numberOfSteps?: number };

/** How many copies each function should have after the request (a step is one copy of the function). */
function targetCopies(ns: NsInstance, d: Deployment, params: Record<string, unknown>): Record<string, number> {
  const byVnf = vnfFunctions(ns, d);
  const changes: Array<{ fn: string; delta: number }> = [];
  if (params.scaleType === 'SCALE_VNF') {
    for (const v of (params.scaleVnfData as ScaleVnfData[] | undefined) ?? []) {
      const fn = byVnf.get(v.vnfInstanceId);
      if (!fn) throw new NfvoError('UNPROCESSABLE', `scaleVnfData names VNF instance ${v.vnfInstanceId}, which is not part of NS instance ${ns.id}.`);
      if (v.scaleVnfType !== 'SCALE_OUT' && v.scaleVnfType !== 'SCALE_IN') throw new NfvoError('UNPROCESSABLE', `scaleVnfType ${v.scaleVnfType} is not supported; use SCALE_OUT or SCALE_IN.`);
      changes.push({ fn, delta: (v.scaleVnfType === 'SCALE_OUT' ? 1 : -1) * (v.scaleByStepData?.numberOfSteps ?? 1) });
    }
  } else {
    // SCALE_NS by steps: the aspect is the function to scale (the joint model has one aspect per function).
    const steps = ((params.scaleNsData as { scaleNsByStepsData?: ScaleNsStep[] } | undefined)?.scaleNsByStepsData) ?? [];
    for (const s of steps) changes.push({ fn: s.aspectId, delta: (s.scalingDirection === 'SCALE_OUT' ? 1 : -1) * (s.numberOfSteps ?? 1) });
  }
  if (!changes.length) throw new NfvoError('UNPROCESSABLE', 'The scale request changes nothing: give scaleVnfData (SCALE_VNF) or scaleNsData.scaleNsByStepsData (SCALE_NS).');
  const copies = Object.fromEntries(Object.entries(d.plan.functions ?? {}).map(([fn, f]) => [fn, f.copies]));
  for (const c of changes) {
    if (copies[c.fn] === undefined) throw new NfvoError('UNPROCESSABLE', `No function ${c.fn} in NS instance ${ns.id}.`);
    copies[c.fn] += c.delta;
  }
  return copies;
}

/**
 * SCALE (SOL005 cl. 6.4.5): the plan the service would have at the new size, reached from what runs
 * (see reshapePlan): new copies are built, removed copies undone, stacks and chains ensured again where
 * the size changes them. Sizes outside the function's scaling bounds are a 422.
 */
export async function planScale(descriptors: DescriptorStore, ns: NsInstance, occ: NsLcmOpOcc, d: Deployment): Promise<{ plan: Plan; seed: StepRecord[] }> {
  const copies = targetCopies(ns, d, occ.operationParams ?? {});
  return replan(await loadService(descriptors, ns), ns, d, { copies }, (ref, descriptor) => {
    const { min, max } = boundsOf({ ref, descriptor });
    if (copies[ref.id] < min || copies[ref.id] > max) throw new NfvoError('UNPROCESSABLE', `Function ${ref.id} scales between ${min} and ${max} copies; the request asks for ${copies[ref.id]}.`);
  });
}
