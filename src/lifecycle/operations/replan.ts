import type { FunctionDescriptor, FunctionRef } from '../../descriptors/model';
import { NfvoError } from '../../shared/nfvo-error';
import type { NsInstance } from '../domain/ns-instance.model';
import type { StepRecord } from '../engine/step-journal.port';
import { buildInstantiatePlan } from '../plan/build-instantiate-plan';
import type { Plan, VnffgShape } from '../plan/plan.model';
import { reshapePlan } from '../plan/reshape-plan';
import type { Deployment } from '../ports/lcm-run-store.port';
import type { LoadedService } from './plan-instantiation';

/**
 * The plan from what runs to the NS at a new shape (copies per function, forwarding graphs), each
 * function where placement put it at instantiation. `check` may refuse a function's new size (422).
 */
export async function replan(
  svc: LoadedService, ns: NsInstance, d: Deployment,
  shape: { copies?: Record<string, number>; vnffgs?: VnffgShape },
  check?: (ref: FunctionRef, descriptor: FunctionDescriptor) => void,
): Promise<{ plan: Plan; seed: StepRecord[] }> {
  const { service, fdOf } = svc;
  for (const ref of service.functions) check?.(ref, fdOf(ref.id).descriptor);
  const placed = d.plan.functions ?? {};
  const unplaced = service.functions.filter((f) => !placed[f.id]).map((f) => f.id);
  if (unplaced.length) throw new NfvoError('UNPROCESSABLE', `NS instance ${ns.id} has no placement recorded for ${unplaced.join(', ')}; terminate and instantiate it again.`);
  const next = buildInstantiatePlan({
    nsInstanceId: ns.id, service, hostAntiAffinity: d.plan.hostAntiAffinity ?? [],
    copies: shape.copies ?? Object.fromEntries(Object.entries(placed).map(([fn, f]) => [fn, f.copies])),
    vnffgs: shape.vnffgs ?? d.plan.vnffgs,
    functions: service.functions.map((ref) => ({ ref, descriptor: fdOf(ref.id).descriptor, vnfPkgId: fdOf(ref.id).vnfPkgId, siteId: placed[ref.id].siteId, vimId: placed[ref.id].vimId })),
  });
  return reshapePlan(d, next);
}
