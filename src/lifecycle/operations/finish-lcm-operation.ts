import type { EventLog } from '../../packages/ports/event-log.port';
import type { TxHandle, UnitOfWork } from '../../shared/unit-of-work';
import { nsComponentChanged, opOccurrence } from '../domain/ns-lcm-events';
import type { NsLcmOpOcc } from '../domain/ns-lcm-op-occ.model';
import { NS_STATE } from '../domain/ns-state.machine';
import { type OpEvent, type OperationState, OP_STATE } from '../domain/op-state.machine';
import type { NsInstance } from '../domain/ns-instance.model';
import { CHANGE_NOTIFICATION_OP, resourceChanges } from '../domain/resource-changes';
import type { RunResult } from '../engine/plan-runner';
import type { Plan } from '../plan/plan.model';
import type { Deployment, LcmRunStore } from '../ports/lcm-run-store.port';
import { including, reshaped, restored } from './deployment-after';
import type { NsLcmRepository } from '../ports/ns-lcm-repository.port';
import type { VimReservations } from '../ports/vim-reservations.port';
import { instantiatedView, notInstantiatedView } from './ns-instance-view';
import { type ModifyVnfInfoData, modifyVnfInformation } from './modify-vnf-information';

export type RunEnd = RunResult | { outcome: 'failed'; planning: { title: string; detail: string } };

/**
 * Ends a run in ONE transaction under the NS instance's lock: the occurrence's next state from the
 * transition table, the NS instance's new state and view (and its deployment record), the lease
 * released (and what it reserved on VIMs, once final), and the RESULT notification (SOL005 cl. 6.5.2.5)
 * naming the failed step when there is one.
 */
export class FinishLcmOperation {
  constructor(private readonly d: { repo: NsLcmRepository; runs: LcmRunStore; reservations: VimReservations; events: EventLog; uow: UnitOfWork; now?: () => Date }) {}

  /** Undefined when `owner` no longer holds the run's lease: another worker took over, and it finishes. */
  async execute(occId: string, plan: Plan | undefined, end: RunEnd, direction: 'forward' | 'rollback', owner: string): Promise<NsLcmOpOcc | undefined> {
    return this.d.uow.run(async (tx) => {
      const first = (await this.d.repo.occurrences.get(occId, tx))!.doc;
      const ns = (await this.d.repo.lockInstance(first.nsInstanceId, tx))!;
      // Lock order: NS instance, then occurrence (as every task does).
      if (!(await this.d.runs.holdsLease(occId, owner, tx))) return undefined;
      const event: OpEvent =
        end.outcome === 'cancelled' ? 'CANCELLED'
          : end.outcome === 'failed' ? 'STEP_FAILED'
            : first.operationState === 'ROLLING_BACK' ? 'ROLLBACK_DONE'
              : end.skipped > 0 ? 'PARTLY_SUCCEEDED' : 'SUCCEEDED';
      const now = (this.d.now ?? (() => new Date()))().toISOString();
      let occ = (await this.d.repo.occurrences.update(occId, (cur) => {
        const next: NsLcmOpOcc = { ...cur.doc, operationState: OP_STATE.next(cur.doc.operationState, event), statusEnteredTime: now, isCancelPending: false };
        delete next.error;
        delete next.cancelMode;
        if (end.outcome === 'failed') {
          const e = 'planning' in end ? end.planning : end.error;
          next.error = { title: e.title, status: 'planning' in end ? 422 : 500, detail: e.detail };
        }
        if (end.outcome === 'cancelled') next.error = { title: 'Cancelled', status: 409, detail: `The operation was cancelled (${cur.doc.cancelMode ?? 'GRACEFUL'}); retry, roll back or fail it.` };
        return next;
      }, tx)).doc;
      const status = occ.operationState === 'PARTIALLY_COMPLETED' ? 'PARTIALLY_COMPLETED' : 'COMPLETED';
      const { after, deployment } = plan ? await this.outcome(ns, occ, first.operationState, plan, direction, tx) : {};
      if (deployment !== undefined) await this.d.runs.setDeployment(ns.id, deployment, tx);
      if (after) await this.d.repo.instances.update(ns.id, () => after, tx);
      const succeeded = occ.operationState === 'COMPLETED' || occ.operationState === 'PARTIALLY_COMPLETED';
      if (after && succeeded) {
        const changes = resourceChanges(occ, ns, after, status);
        occ = (await this.d.repo.occurrences.update(occId, (cur) => ({ ...cur.doc, resourceChanges: changes }), tx)).doc;
      }
      await this.d.runs.releaseLease(occId, tx);
      // A final operation holds nothing on VIMs: what it created is in their usage now, or removed, or given
      // up. FAILED_TEMP and ROLLING_BACK keep their reservation: a retry creates the rest.
      if (OP_STATE.finals.includes(occ.operationState)) await this.d.reservations.release(occId, tx);
      // The component changes first, then the operation's RESULT: a subscriber reading RESULT has seen them all.
      for (const c of occ.resourceChanges?.affectedVnfs ?? []) await this.d.events.append(nsComponentChanged(ns, occ, c.vnfInstanceId, CHANGE_NOTIFICATION_OP[c.changeType], status), tx);
      await this.d.events.append(opOccurrence(ns, occ, 'RESULT'), tx);
      return occ;
    });
  }

  /**
   * What the NS instance becomes (its view, and its deployment record; null: none) when the operation
   * ends this way. Reshapes (heal, scale, update) record what their plan left; a rolled-back reshape or
   * terminate records the new ids of what it built again.
   */
  private async outcome(ns: NsInstance, occ: NsLcmOpOcc, from: OperationState, plan: Plan, direction: 'forward' | 'rollback', tx: TxHandle): Promise<{ after?: NsInstance; deployment?: Deployment | null }> {
    const records = () => this.d.runs.journal(occ.id, tx).load();
    const flavour = ns.flavourId ?? 'default';
    if (occ.operationState === 'COMPLETED' || occ.operationState === 'PARTIALLY_COMPLETED') {
      if (occ.lcmOperationType === 'INSTANTIATE' && direction === 'forward') {
        // Leftovers of an earlier instantiate declared FAILED stay recorded, so terminate removes them too.
        const deployment = including(await this.d.runs.deployment(ns.id, tx), plan, await records());
        NS_STATE.next(ns.nsState, 'INSTANTIATE_COMPLETED');
        return { deployment, after: instantiatedView(ns, deployment, String(occ.operationParams?.nsFlavourId ?? 'default')) };
      }
      if (occ.lcmOperationType === 'TERMINATE') {
        NS_STATE.next(ns.nsState, 'TERMINATE_COMPLETED');
        return { deployment: null, after: notInstantiatedView(ns) };
      }
      if (occ.operationParams?.updateType === 'MODIFY_VNF_INFORMATION') return { after: modifyVnfInformation(ns, occ.operationParams.modifyVnfInfoData as ModifyVnfInfoData[]) };
      if (from === 'ROLLING_BACK') return {};
      // Healed units may have new resource ids, a scaled or updated NS more or fewer: record and show them.
      const deployment = reshaped(plan, await records());
      return { deployment, after: instantiatedView(ns, deployment, flavour) };
    }
    if (occ.operationState === 'ROLLED_BACK' && (plan.mode === 'undo' || plan.steps.some((s) => s.remove || s.restore))) {
      const before = await this.d.runs.deployment(ns.id, tx);
      if (!before) return {};
      const deployment = restored(before, await records());
      return { deployment, ...(ns.nsState === 'INSTANTIATED' ? { after: instantiatedView(ns, deployment, flavour) } : {}) };
    }
    return {};
  }
}
