import type { EventLog } from '../../packages/ports/event-log.port';
import type { UnitOfWork } from '../../shared/unit-of-work';
import { nsComponentChanged, opOccurrence } from '../domain/ns-lcm-events';
import type { NsLcmOpOcc } from '../domain/ns-lcm-op-occ.model';
import { NS_STATE } from '../domain/ns-state.machine';
import { type OpEvent, OP_STATE } from '../domain/op-state.machine';
import type { RunResult } from '../engine/plan-runner';
import type { Plan } from '../plan/plan.model';
import type { LcmRunStore } from '../ports/lcm-run-store.port';
import { including, outputsOf, without } from './deployment-after';
import type { NsLcmRepository } from '../ports/ns-lcm-repository.port';
import { instantiatedView, notInstantiatedView } from './ns-instance-view';
import { type ModifyVnfInfoData, modifyVnfInformation } from './modify-vnf-information';

export type RunEnd = RunResult | { outcome: 'failed'; planning: { title: string; detail: string } };

/**
 * Ends a run in ONE transaction under the NS instance's lock: the occurrence's next state from the
 * transition table, the NS instance's new state and view (and its deployment record), the lease
 * released, and the RESULT notification (SOL005 cl. 6.5.2.5) naming the failed step when there is one.
 */
export class FinishLcmOperation {
  constructor(private readonly d: { repo: NsLcmRepository; runs: LcmRunStore; events: EventLog; uow: UnitOfWork; now?: () => Date }) {}

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
      const occ = (await this.d.repo.occurrences.update(occId, (cur) => {
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
      const changes: Array<{ vnf: string; op: 'VNF_INSTANTIATE' | 'VNF_TERMINATE' }> = [];
      if (plan && (occ.operationState === 'COMPLETED' || occ.operationState === 'PARTIALLY_COMPLETED')) {
        if (occ.lcmOperationType === 'INSTANTIATE' && direction === 'forward') {
          const records = await this.d.runs.journal(occId, tx).load();
          // Leftovers of an earlier instantiate declared FAILED stay recorded, so terminate removes them too.
          const deployment = including(await this.d.runs.deployment(ns.id, tx), plan, records);
          NS_STATE.next(ns.nsState, 'INSTANTIATE_COMPLETED');
          const view = instantiatedView(ns, deployment, String(occ.operationParams?.nsFlavourId ?? 'default'));
          await this.d.repo.instances.update(ns.id, () => view, tx);
          changes.push(...(view.vnfInstance ?? []).map((v) => ({ vnf: v.id, op: 'VNF_INSTANTIATE' as const })));
          await this.d.runs.setDeployment(ns.id, deployment, tx);
        }
        if ((occ.lcmOperationType === 'HEAL' || occ.lcmOperationType === 'SCALE') && first.operationState !== 'ROLLING_BACK') {
          // Healed units may have new resource ids, a scaled function more or fewer: record and show them.
          const records = await this.d.runs.journal(occId, tx).load();
          const ran = { plan, outputs: outputsOf(records) };
          const deployment = plan.mode === 'undo' ? without((await this.d.runs.deployment(ns.id, tx))!, new Set(plan.steps.map((x) => x.id)), plan.functions) : ran;
          await this.d.repo.instances.update(ns.id, () => instantiatedView(ns, deployment, ns.flavourId ?? 'default'), tx);
          await this.d.runs.setDeployment(ns.id, deployment, tx);
        }
        if (occ.lcmOperationType === 'UPDATE' && occ.operationParams?.updateType === 'MODIFY_VNF_INFORMATION') {
          await this.d.repo.instances.update(ns.id, () => modifyVnfInformation(ns, occ.operationParams!.modifyVnfInfoData as ModifyVnfInfoData[]), tx);
        }
        if (occ.lcmOperationType === 'TERMINATE') {
          NS_STATE.next(ns.nsState, 'TERMINATE_COMPLETED');
          await this.d.repo.instances.update(ns.id, () => notInstantiatedView(ns), tx);
          changes.push(...(ns.vnfInstance ?? []).map((v) => ({ vnf: v.id, op: 'VNF_TERMINATE' as const })));
          await this.d.runs.setDeployment(ns.id, null, tx);
        }
      }
      if (plan?.mode === 'undo' && occ.operationState === 'ROLLED_BACK') {
        // Terminate or scale in rolled back: what was rebuilt has new ids; record and show them.
        const before = await this.d.runs.deployment(ns.id, tx);
        if (before) {
          const deployment = including(before, { ...before.plan, steps: [] }, await this.d.runs.journal(occId, tx).load());
          await this.d.runs.setDeployment(ns.id, deployment, tx);
          if (ns.nsState === 'INSTANTIATED') await this.d.repo.instances.update(ns.id, () => instantiatedView(ns, deployment, ns.flavourId ?? 'default'), tx);
        }
      }
      await this.d.runs.releaseLease(occId, tx);
      // The component changes first, then the operation's RESULT: a subscriber reading RESULT has seen them all.
      const status = occ.operationState === 'PARTIALLY_COMPLETED' ? 'PARTIALLY_COMPLETED' : 'COMPLETED';
      for (const c of changes) await this.d.events.append(nsComponentChanged(ns, occ, c.vnf, c.op, status), tx);
      await this.d.events.append(opOccurrence(ns, occ, 'RESULT'), tx);
      return occ;
    });
  }
}
