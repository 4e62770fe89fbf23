import { canonicalJson } from '../../shared/canonical-json';
import type { StepRecord } from '../engine/step-journal.port';
import type { Deployment } from '../ports/lcm-run-store.port';
import type { Plan, PlanStep } from './plan.model';

/** Step kinds whose resource an ensure with new params changes in place (a stack's replicas, a chain's hops or classifier). */
const REENSURED = new Set(['stack', 'chain']);

const sameStep = (a: PlanStep, b: PlanStep) => canonicalJson({ p: a.params, d: [...a.dependsOn].sort() }) === canonicalJson({ p: b.params, d: [...b.dependsOn].sort() });

/**
 * The plan that takes a deployment to the shape of `next` (scale, update; SOL005 cl. 6.4.5, 6.4.6): steps
 * only `next` has are built, steps only the deployment has are removed (users first), stacks and chains
 * whose definition changed are ensured again (their old params kept to roll back to), and everything
 * else is KEPT as it was made, so neither the operation nor its rollback touches it. One plan can add
 * and remove at once (a scale that removes VM copies and resizes a stack, an update of a graph's paths).
 */
export function reshapePlan(current: Deployment, next: Plan): { plan: Plan; seed: StepRecord[] } {
  const before = new Map(current.plan.steps.map((s) => [s.id, s]));
  const nextIds = new Set(next.steps.map((s) => s.id));
  const steps: PlanStep[] = [];
  const seed: StepRecord[] = [];
  const pending = (s: PlanStep) => { steps.push(s); seed.push({ stepId: s.id, state: 'PENDING', attempts: 0, ...(current.outputs[s.id] ? { output: current.outputs[s.id] } : {}) }); };
  for (const s of next.steps) {
    const old = before.get(s.id);
    if (!old) pending(s);
    else if (REENSURED.has(s.kind) && !sameStep(old, s)) pending({ ...s, restore: old.params });
    else {
      // A VIM resource is never changed in place: it stays exactly as it was made (its name, its subnet).
      steps.push(REENSURED.has(s.kind) ? s : { ...old, dependsOn: old.dependsOn.filter((d) => nextIds.has(d)) });
      seed.push({ stepId: s.id, state: 'KEPT', attempts: 0, output: current.outputs[s.id] });
    }
  }
  const gone = current.plan.steps.filter((s) => !nextIds.has(s.id));
  const goneIds = new Set(gone.map((s) => s.id));
  for (const s of gone) {
    const users = gone.filter((x) => x.dependsOn.includes(s.id)).map((x) => x.id);
    const { restore: _r, ...plain } = s;
    pending({ ...plain, remove: true, dependsOn: users.filter((u) => goneIds.has(u)) });
  }
  return { plan: { ...next, steps }, seed };
}
