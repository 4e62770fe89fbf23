import type { EventLog } from '../../packages/ports/event-log.port';
import type { JobQueue } from '../../packages/ports/job-queue.port';
import { NfvoError } from '../../shared/nfvo-error';
import type { UnitOfWork } from '../../shared/unit-of-work';
import { opOccurrence } from '../domain/ns-lcm-events';
import type { CancelMode, NsLcmOpOcc } from '../domain/ns-lcm-op-occ.model';
import { type OpEvent, OP_STATE } from '../domain/op-state.machine';
import type { LcmRunStore } from '../ports/lcm-run-store.port';
import type { NsLcmRepository } from '../ports/ns-lcm-repository.port';
import type { VimReservations } from '../ports/vim-reservations.port';
import { afterFail } from './deployment-after';
import { RUN_LCM_OPERATION_QUEUE } from './lcm-queue';

export type OccurrenceTask = 'retry' | 'rollback' | 'continue' | 'fail' | 'cancel';

/**
 * The tasks on an occurrence (SOL005 cl. 6.4.11-6.4.15) as data: which transition each makes, what
 * happens to the failed steps, whether the run is queued again, and which notification goes out.
 * Cancel changes no state itself: it asks the running worker to stop (at the next step boundary, or at
 * once), which then ends the occurrence in FAILED_TEMP.
 */
const TASKS: Record<OccurrenceTask, { event: OpEvent; failedSteps?: 'PENDING' | 'SKIPPED'; run: boolean; notify?: 'START' | 'RESULT' }> = {
  retry: { event: 'RETRY', failedSteps: 'PENDING', run: true, notify: 'START' },
  continue: { event: 'CONTINUE', failedSteps: 'SKIPPED', run: true, notify: 'START' },
  rollback: { event: 'ROLLBACK', run: true, notify: 'START' },
  fail: { event: 'FAIL', run: false, notify: 'RESULT' },
  cancel: { event: 'CANCELLED', run: false },
};

export class OccurrenceTaskUseCase {
  constructor(private readonly d: { repo: NsLcmRepository; runs: LcmRunStore; reservations: VimReservations; jobs: JobQueue; events: EventLog; uow: UnitOfWork; now?: () => Date }) {}

  execute(occId: string, task: OccurrenceTask, cancelMode?: CancelMode): Promise<NsLcmOpOcc> {
    const t = TASKS[task];
    return this.d.uow.run(async (tx) => {
      const found = await this.d.repo.occurrences.get(occId, tx);
      if (!found) throw new NfvoError('NOT_FOUND', `No NS LCM operation occurrence ${occId.slice(0, 64)}`);
      const ns = (await this.d.repo.lockInstance(found.doc.nsInstanceId, tx))!;
      const now = (this.d.now ?? (() => new Date()))().toISOString();
      const occ = (await this.d.repo.occurrences.update(occId, (cur) => {
        const state = cur.doc.operationState;
        if (!OP_STATE.can(state, t.event)) {
          const from = Object.keys(OP_STATE.table).filter((s) => OP_STATE.can(s as never, t.event)).join(' or ');
          throw new NfvoError('CONFLICT', `Operation ${occId} is ${state}; ${task} applies only in ${from}.`);
        }
        if (task === 'cancel') {
          if (cur.doc.isCancelPending) throw new NfvoError('CONFLICT', `Operation ${occId} is being cancelled already (${cur.doc.cancelMode}).`);
          return { ...cur.doc, isCancelPending: true, cancelMode: cancelMode ?? 'GRACEFUL' };
        }
        const next: NsLcmOpOcc = { ...cur.doc, operationState: OP_STATE.next(state, t.event), statusEnteredTime: now };
        delete next.error;
        return next;
      }, tx)).doc;
      if (t.failedSteps) await this.d.runs.resetFailedSteps(occId, t.failedSteps, tx);
      if (t.run) await this.d.jobs.send(tx, RUN_LCM_OPERATION_QUEUE, { nsLcmOpOccId: occId }, { retryLimit: 0 });
      if (task === 'fail') {
        await this.d.runs.releaseLease(occId, tx);
        // Given up: what it placed and did not create is no longer held (what it created stays in the VIMs' usage).
        await this.d.reservations.release(occId, tx);
        const plan = await this.d.runs.plan(occId, tx);
        if (plan) await this.d.runs.setDeployment(ns.id, afterFail(await this.d.runs.deployment(ns.id, tx), plan, await this.d.runs.journal(occId, tx).load()), tx);
      }
      if (t.notify) await this.d.events.append(opOccurrence(ns, occ, t.notify), tx);
      return occ;
    });
  }
}
