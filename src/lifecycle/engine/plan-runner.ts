import type { Plan, PlanStep } from '../plan/plan.model';
import { resolveRefs } from '../plan/plan.model';
import type { StepError, StepJournal, StepRecord } from './step-journal.port';

/** Carries out one step: `do` ensures it and returns its outputs, `undo` removes what it made. Both are idempotent. */
export interface StepExecutor {
  /** `signal` aborts when the run stops forcefully: a step that runs a child process (Terraform) stops it. */
  do(step: PlanStep, params: Record<string, unknown>, signal?: AbortSignal): Promise<Record<string, unknown>>;
  undo(step: PlanStep, signal?: AbortSignal): Promise<void>;
  /** How a failure reads in the journal and whether trying again may help. */
  describe(step: PlanStep, err: unknown): StepError;
}

export type StopRequest = 'none' | 'graceful' | 'forceful';

export interface RunOptions {
  concurrency: number;
  /** Attempts per step for retryable failures, and the first back-off (doubling). */
  attempts: number;
  backoffMs: number;
  stopRequested(): StopRequest;
  /** Aborted by the caller on a forceful stop; handed to every step. */
  signal?: AbortSignal;
  now?: () => Date;
}

export type RunResult =
  | { outcome: 'completed'; skipped: number }
  | { outcome: 'failed'; step: PlanStep; error: StepError }
  /** `inFlight` settles when the steps a forceful stop left running have ended. */
  | { outcome: 'cancelled'; inFlight?: Promise<unknown> };

const outputsOf = (records: Map<string, StepRecord>) => new Map([...records.values()].filter((x) => x.output).map((x) => [x.stepId, x.output!]));

const DONE_FORWARD = new Set(['DONE', 'SKIPPED', 'KEPT']);
/** Steps a rollback must undo: anything that may have created something. */
const TOUCHED = new Set(['DONE', 'FAILED', 'RUNNING', 'ROLLING_BACK']);

/**
 * Runs a plan's ready steps in parallel, at most `concurrency` at a time, journaling every transition.
 * Forward: a step is ready when its dependencies are DONE or SKIPPED. Rollback: a touched step is undone
 * once every step depending on it is no longer touched (reverse dependency order). On a failure no new
 * step starts; steps in flight finish and are journaled, then the run reports the failure.
 */
export async function runPlan(plan: Plan, journal: StepJournal, exec: StepExecutor, direction: 'forward' | 'rollback', o: RunOptions): Promise<RunResult> {
  const records = await journal.load();
  const rec = (id: string): StepRecord => records.get(id) ?? { stepId: id, state: 'PENDING', attempts: 0 };
  const now = () => (o.now ?? (() => new Date()))().toISOString();
  const save = async (r: StepRecord) => { records.set(r.stepId, r); await journal.write(r); };
  const dependents = new Map(plan.steps.map((s) => [s.id, plan.steps.filter((x) => x.dependsOn.includes(s.id)).map((x) => x.id)]));

  const pending = (s: PlanStep) => (direction === 'forward' ? !DONE_FORWARD.has(rec(s.id).state) : TOUCHED.has(rec(s.id).state));
  const ready = (s: PlanStep) =>
    direction === 'forward' ? s.dependsOn.every((d) => DONE_FORWARD.has(rec(d).state)) : dependents.get(s.id)!.every((d) => !TOUCHED.has(rec(d).state));

  const running = new Map<string, Promise<void>>();
  let failure: { step: PlanStep; error: StepError } | undefined;
  let stop: StopRequest = 'none';
  let wake: () => void = () => undefined;

  const attempt = async (s: PlanStep): Promise<void> => {
    for (;;) {
      const r = rec(s.id);
      await save({ ...r, state: direction === 'forward' ? 'RUNNING' : 'ROLLING_BACK', attempts: r.attempts + 1, startedAt: now(), error: undefined });
      try {
        // A removing step undoes going forward and builds again on rollback; a restoring step ensures its old params on rollback.
        const params = direction === 'forward' ? (s.remove ? undefined : s.params) : s.remove ? s.params : s.restore;
        const made = params ? { output: await exec.do(params === s.params ? s : { ...s, params }, resolveRefs(params, outputsOf(records)) as Record<string, unknown>, o.signal) } : (await exec.undo(s, o.signal), {});
        await save({ ...rec(s.id), state: direction === 'forward' ? 'DONE' : 'ROLLED_BACK', endedAt: now(), ...made });
        return;
      } catch (err) {
        const error = exec.describe(s, err);
        const tries = rec(s.id).attempts;
        if (error.retryable && tries < o.attempts && o.stopRequested() === 'none') {
          await new Promise((res) => setTimeout(res, o.backoffMs * 2 ** (tries - 1)));
          continue;
        }
        await save({ ...rec(s.id), state: 'FAILED', endedAt: now(), error });
        failure ??= { step: s, error };
        return;
      }
    }
  };

  for (;;) {
    stop = o.stopRequested();
    if (stop === 'forceful') return { outcome: 'cancelled', inFlight: Promise.allSettled([...running.values()]) };
    if (!failure && stop === 'none') {
      for (const s of plan.steps) {
        if (running.size >= o.concurrency) break;
        if (running.has(s.id) || !pending(s) || !ready(s)) continue;
        // A journal that cannot be written (the database went away) fails the run instead of escaping as
        // an unhandled rejection; the step stays as last journaled and is run again on resume.
        const journalFailed = (e: unknown) => { failure ??= { step: s, error: { title: 'Journal write failed', detail: `The journal of step ${s.id} could not be written: ${(e as Error)?.message ?? String(e)}`, retryable: false } }; };
        running.set(s.id, attempt(s).catch(journalFailed).finally(() => { running.delete(s.id); wake(); }));
      }
    }
    if (!running.size) break;
    // Woken by a finished step, or after a while to notice a cancel while steps are still in flight.
    await new Promise<void>((res) => { wake = res; setTimeout(res, 200).unref(); });
  }
  if (failure) return { outcome: 'failed', ...failure };
  if (stop === 'graceful') return { outcome: 'cancelled' };
  const stuck = plan.steps.find(pending);
  if (stuck) return { outcome: 'failed', step: stuck, error: { title: 'Step cannot run', detail: `step ${stuck.id} waits on steps that did not complete`, retryable: false } };
  return { outcome: 'completed', skipped: [...records.values()].filter((r) => r.state === 'SKIPPED').length };
}
