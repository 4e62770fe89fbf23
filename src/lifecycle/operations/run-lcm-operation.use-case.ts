import { randomUUID } from 'node:crypto';
import type { InfraRepository } from '../../infra/infra-repository.port';
import type { DescriptorStore } from '../../packages/ports/descriptor-store.port';
import { NfvoError, isNfvoError } from '../../shared/nfvo-error';
import { type StopRequest, runPlan } from '../engine/plan-runner';
import { PortStepExecutor } from '../engine/port-step-executor';
import type { StepJournal, StepRecord } from '../engine/step-journal.port';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Plan } from '../plan/plan.model';
import type { IacPort } from '../ports/iac.port';
import type { LcmRunStore } from '../ports/lcm-run-store.port';
import type { NsLcmRepository } from '../ports/ns-lcm-repository.port';
import type { SwitchPort } from '../ports/switch.port';
import type { VimPorts } from '../ports/vim-ports.port';
import type { VimReservations } from '../ports/vim-reservations.port';
import type { FinishLcmOperation } from './finish-lcm-operation';
import type { RunLcmOperationJob } from './lcm-queue';
import { healPlan, healSeed } from './heal-seed';
import { planScale } from './plan-scale';
import { planInstantiation } from './plan-instantiation';
import { planUpdate } from './update/plan-update';
import { reserveAddedServers } from './reserve-added-servers';

export interface RunSettings { leaseMs: number; concurrency: number; attempts: number; backoffMs: number }

/**
 * Runs (or resumes) one occurrence: take its lease, build and store its plan on the first run, run the
 * plan in the occurrence's direction while renewing the lease, then finish. A run that loses its lease
 * stops at once: another worker has taken over. Terminate runs the NS's deployment plan backwards;
 * rolling back an operation runs its own plan the other way.
 */
export class RunLcmOperation {
  constructor(private readonly d: {
    repo: NsLcmRepository; runs: LcmRunStore; finish: FinishLcmOperation; descriptors: DescriptorStore; infra: InfraRepository;
    vims: VimPorts; reservations: VimReservations; iac: IacPort; switches: SwitchPort; settings: RunSettings;
  }) {}

  async execute(job: RunLcmOperationJob): Promise<void> {
    // A lease owner per run, not per process: two workers of one replica never run one operation together.
    const owner = randomUUID();
    const leased = await this.d.runs.acquire(job.nsLcmOpOccId, owner, this.d.settings.leaseMs);
    if (!leased) return; // final already, or another worker holds it
    const { occ } = leased;
    let stop: StopRequest = occ.isCancelPending ? (occ.cancelMode === 'FORCEFUL' ? 'forceful' : 'graceful') : 'none';
    let lost = false;
    // A forceful stop (a FORCEFUL cancel, or the lease lost) also stops what steps run, such as a terraform child.
    const abort = new AbortController();
    if (stop === 'forceful') abort.abort();
    const forceful = () => { stop = 'forceful'; abort.abort(); };
    const heartbeat = setInterval(() => {
      this.d.runs.renew(occ.id, owner, this.d.settings.leaseMs).then(
        (r) => { if (!r) { lost = true; forceful(); } else if (r.cancelMode === 'FORCEFUL') forceful(); else if (r.cancelMode) stop = 'graceful'; },
        // Not knowing whether the lease still holds is treated as having lost it.
        () => { lost = true; forceful(); },
      );
    }, Math.max(50, this.d.settings.leaseMs / 3));
    heartbeat.unref();
    // Journal writes of this run stop once it no longer holds the lease or has ended: a late step may
    // still finish on the VIM, but it cannot overwrite what the next holder journals (ensures find it again).
    let closed = false;
    const base = this.d.runs.journal(occ.id);
    const journal = { load: () => base.load(), write: async (r: StepRecord) => { if (!closed && !lost) await base.write(r); } };
    try {
      // A rollback of an operation that never got a plan has nothing to undo.
      let plan = leased.plan ?? (occ.operationState === 'ROLLING_BACK' ? { steps: [] } : undefined);
      if (!plan) {
        try {
          plan = await this.plan(occ.id, occ.nsInstanceId, occ.lcmOperationType);
        } catch (err) {
          if (!isNfvoError(err)) throw err;
          await this.d.finish.execute(occ.id, undefined, { outcome: 'failed', planning: { title: 'The operation cannot be planned', detail: err.detail } }, 'forward', owner);
          return;
        }
      }
      // An undo plan's "forward" removes (terminate, scale in); rolling it back builds again.
      const backwards = (plan.mode === 'undo') !== (occ.operationState === 'ROLLING_BACK');
      const direction = backwards ? 'rollback' : 'forward';
      if (occ.operationState === 'ROLLING_BACK' && plan.mode !== 'undo') await this.keepWhatExisted(occ.nsInstanceId, plan, journal);
      const executor = new PortStepExecutor({ nsInstanceId: occ.nsInstanceId, nsLcmOpOccId: occ.id }, this.d);
      const s = this.d.settings;
      const result = await runPlan(plan, journal, executor, direction, { concurrency: s.concurrency, attempts: s.attempts, backoffMs: s.backoffMs, stopRequested: () => stop, signal: abort.signal });
      // A forceful stop does not wait for calls in flight, but the operation only ends (and may be rolled
      // back) once they have: otherwise an undo could run before the create it should undo.
      if (result.outcome === 'cancelled' && result.inFlight) await Promise.race([result.inFlight, sleep(s.leaseMs * 2)]);
      // A run that lost its lease (it was too slow to renew) finishes nothing: the new holder does.
      if (!lost) await this.d.finish.execute(occ.id, plan, result, direction, owner);
    } finally {
      closed = true;
      clearInterval(heartbeat);
    }
  }

  /**
   * Rolling back a heal or a scale out must not remove what ran before it: the steps of the NS's
   * deployment are KEPT, so only what this operation added is undone.
   */
  private async keepWhatExisted(nsInstanceId: string, plan: Plan, journal: StepJournal): Promise<void> {
    const before = await this.d.runs.deployment(nsInstanceId);
    if (!before) return;
    const records = await journal.load();
    const existed = new Set(before.plan.steps.map((x) => x.id));
    for (const step of plan.steps) {
      const r = records.get(step.id);
      // Removed and re-ensured steps are this operation's own work: their rollback builds or ensures them again.
      if (existed.has(step.id) && !step.remove && !step.restore && r && r.state !== 'KEPT') await journal.write({ ...r, state: 'KEPT' });
    }
  }

  private async plan(occId: string, nsInstanceId: string, type: string): Promise<Plan> {
    const ns = (await this.d.repo.instances.get(nsInstanceId))!.doc;
    const occ = (await this.d.repo.occurrences.get(occId))!.doc;
    let plan: Plan;
    let seed: StepRecord[] = [];
    if (type === 'INSTANTIATE') {
      plan = await planInstantiation(this.d, ns, occ);
    } else if (type === 'TERMINATE') {
      const deployment = await this.d.runs.deployment(ns.id);
      plan = { ...(deployment?.plan ?? { steps: [] }), mode: 'undo' };
      // Everything deployed counts as done, so running the plan backwards removes all of it.
      seed = plan.steps.map((st) => ({ stepId: st.id, state: 'DONE', attempts: 0, output: deployment?.outputs[st.id] }));
    } else if (type === 'SCALE') {
      const deployment = await this.d.runs.deployment(ns.id);
      if (!deployment) throw new NfvoError('UNPROCESSABLE', `NS instance ${ns.id} has no deployment record to scale.`);
      ({ plan, seed } = await planScale(this.d.descriptors, ns, occ, deployment));
      await reserveAddedServers(this.d, occ, plan, deployment);
    } else if (type === 'UPDATE') {
      const deployment = await this.d.runs.deployment(ns.id);
      ({ plan, seed } = await planUpdate(this.d.descriptors, ns, occ, deployment));
      if (deployment) await reserveAddedServers(this.d, occ, plan, deployment);
    } else if (type === 'HEAL') {
      const deployment = await this.d.runs.deployment(ns.id);
      if (!deployment) throw new NfvoError('UNPROCESSABLE', `NS instance ${ns.id} has no deployment record to heal.`);
      plan = healPlan(deployment, ns, occ.operationParams ?? {});
      seed = healSeed(deployment, ns, occ.operationParams ?? {});
    } else {
      throw new NfvoError('UNPROCESSABLE', `${type} operations are not supported yet.`);
    }
    await this.d.runs.savePlan(occId, plan, seed);
    return plan;
  }
}
