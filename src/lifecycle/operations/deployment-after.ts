import type { StepRecord } from '../engine/step-journal.port';
import type { Plan } from '../plan/plan.model';
import type { Deployment } from '../ports/lcm-run-store.port';

/** Journal states after which a step may have left something on a VIM. */
const MAY_EXIST = new Set(['DONE', 'FAILED', 'RUNNING', 'ROLLING_BACK', 'KEPT']);

export const outputsOf = (records: Map<string, StepRecord>) => Object.fromEntries([...records.values()].filter((r) => r.output).map((r) => [r.stepId, r.output!]));

/** The deployment without the given steps (and nothing depending on them). */
export function without(d: Deployment, gone: ReadonlySet<string>, functions = d.plan.functions): Deployment {
  return {
    plan: { steps: d.plan.steps.filter((s) => !gone.has(s.id)).map((s) => ({ ...s, dependsOn: s.dependsOn.filter((x) => !gone.has(x)) })), functions },
    outputs: Object.fromEntries(Object.entries(d.outputs).filter(([id]) => !gone.has(id))),
  };
}

/** The deployment with the given plan's steps added (a step of the same id is replaced), so terminate removes them too. */
export function including(d: Deployment | undefined, plan: Plan, records: Map<string, StepRecord>, only?: (id: string) => boolean): Deployment {
  const added = plan.steps.filter((s) => !only || only(s.id));
  const ids = new Set(added.map((s) => s.id));
  return {
    plan: { steps: [...(d?.plan.steps ?? []).filter((s) => !ids.has(s.id)), ...added], functions: plan.functions ?? d?.plan.functions },
    outputs: { ...(d?.outputs ?? {}), ...outputsOf(records) },
  };
}

/**
 * What the NS instance keeps on its VIMs when an operation is declared FAILED (`fail`): SOL005 leaves the
 * resources as they are, so the record must say what they are, or terminate could never remove them.
 * An undo plan (terminate, scale in) removed what reached ROLLED_BACK; any other plan may have made
 * whatever it touched.
 */
export function afterFail(d: Deployment | undefined, plan: Plan, records: Map<string, StepRecord>): Deployment | null {
  if (plan.mode === 'undo') {
    if (!d) return null;
    return without(d, new Set([...records.values()].filter((r) => r.state === 'ROLLED_BACK').map((r) => r.stepId)));
  }
  const touched = (id: string) => MAY_EXIST.has(records.get(id)?.state ?? 'PENDING');
  const next = including(d, plan, records, touched);
  return next.plan.steps.length ? next : null;
}
