import type { StepRecord } from '../engine/step-journal.port';
import type { Plan } from '../plan/plan.model';
import type { Deployment } from '../ports/lcm-run-store.port';

/** Journal states after which a step may have left something on a VIM. */
const MAY_EXIST = new Set(['DONE', 'FAILED', 'RUNNING', 'ROLLING_BACK', 'KEPT']);

export const outputsOf = (records: Map<string, StepRecord>) => Object.fromEntries([...records.values()].filter((r) => r.output).map((r) => [r.stepId, r.output!]));

/** A deployment's plan: the steps without what only a running operation needs (removal, restore and replace marks). */
function deploymentPlan(base: Plan | undefined, steps: Plan['steps'], shape: Plan | undefined): Plan {
  const { mode: _m, ...rest } = { ...base, ...(shape ? { functions: shape.functions ?? base?.functions, hostAntiAffinity: shape.hostAntiAffinity ?? base?.hostAntiAffinity, vnffgs: shape.vnffgs ?? base?.vnffgs } : {}) };
  // A heal's `replace` asks for new units once; the deployment keeps the stack as it is to be ensured.
  const plain = (s: Plan['steps'][number]) => (s.kind === 'stack' && 'replace' in s.params ? { ...s, params: Object.fromEntries(Object.entries(s.params).filter(([k]) => k !== 'replace')) } : s);
  return { ...rest, steps: steps.map(({ remove: _x, restore: _y, ...s }) => plain(s)) };
}

/** The deployment without the given steps (and nothing depending on them). */
export function without(d: Deployment, gone: ReadonlySet<string>, shape?: Plan): Deployment {
  return {
    plan: deploymentPlan(d.plan, d.plan.steps.filter((s) => !gone.has(s.id)).map((s) => ({ ...s, dependsOn: s.dependsOn.filter((x) => !gone.has(x)) })), shape),
    outputs: Object.fromEntries(Object.entries(d.outputs).filter(([id]) => !gone.has(id))),
  };
}

/** The deployment with the given plan's steps added (a step of the same id is replaced), so terminate removes them too. */
export function including(d: Deployment | undefined, plan: Plan, records: Map<string, StepRecord>, only?: (id: string) => boolean): Deployment {
  const added = plan.steps.filter((s) => !s.remove && (!only || only(s.id)));
  const ids = new Set(added.map((s) => s.id));
  const steps = [...(d?.plan.steps ?? []).filter((s) => !ids.has(s.id)), ...added];
  const known = new Set(steps.map((s) => s.id));
  const outputs = { ...(d?.outputs ?? {}), ...outputsOf(records) };
  return { plan: deploymentPlan(d?.plan, steps, plan), outputs: Object.fromEntries(Object.entries(outputs).filter(([id]) => known.has(id))) };
}

/** What a completed reshape (scale, update) leaves: its plan without the removed steps, with every output it ended with. */
export function reshaped(plan: Plan, records: Map<string, StepRecord>): Deployment {
  return without({ plan, outputs: outputsOf(records) }, new Set(plan.steps.filter((s) => s.remove).map((s) => s.id)), plan);
}

/** After a reshape rolled back: the deployment as before, with the new ids of what was built again. */
export function restored(before: Deployment, records: Map<string, StepRecord>): Deployment {
  return including(before, { ...before.plan, steps: [] }, records);
}

/**
 * What the NS instance keeps on its VIMs when an operation is declared FAILED (`fail`): SOL005 leaves the
 * resources as they are, so the record must say what they are, or terminate could never remove them.
 * An undo plan (terminate) removed what reached ROLLED_BACK, a reshape the removing steps that are DONE;
 * any other step may have made whatever it touched.
 */
export function afterFail(d: Deployment | undefined, plan: Plan, records: Map<string, StepRecord>): Deployment | null {
  if (plan.mode === 'undo') {
    if (!d) return null;
    return without(d, new Set([...records.values()].filter((r) => r.state === 'ROLLED_BACK').map((r) => r.stepId)));
  }
  const touched = (id: string) => MAY_EXIST.has(records.get(id)?.state ?? 'PENDING');
  const removed = new Set(plan.steps.filter((s) => s.remove && records.get(s.id)?.state === 'DONE').map((s) => s.id));
  const next = without(including(d, plan, records, touched), removed);
  return next.plan.steps.length ? next : null;
}
