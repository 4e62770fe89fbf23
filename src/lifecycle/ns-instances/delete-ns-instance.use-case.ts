import type { EventLog } from '../../packages/ports/event-log.port';
import { NfvoError } from '../../shared/nfvo-error';
import type { UnitOfWork } from '../../shared/unit-of-work';
import { nsIdentifierDeleted } from '../domain/ns-lcm-events';
import type { NsInstance } from '../domain/ns-instance.model';
import { NS_STATE } from '../domain/ns-state.machine';
import type { LcmRunStore } from '../ports/lcm-run-store.port';
import type { NsdUsage, NsLcmRepository } from '../ports/ns-lcm-repository.port';

/**
 * DELETE /ns_instances/{id} (SOL005 cl. 6.4.3.3.5): only NOT_INSTANTIATED, and only when no operation still
 * holds it (a FAILED_TEMP instantiate may have left resources behind: fail or roll it back first). The NSD
 * goes back to NOT_IN_USE with its last instance; NsIdentifierDeletionNotification goes out, all in one transaction.
 */
export class DeleteNsInstance {
  constructor(private readonly d: { repo: NsLcmRepository; nsds: NsdUsage; runs: Pick<LcmRunStore, 'deployment'>; events: EventLog; uow: UnitOfWork }) {}

  execute(id: string): Promise<void> {
    return this.d.uow.run(async (tx) => {
      const current = await this.d.repo.instances.get(id, tx);
      if (!current) throw new NfvoError('NOT_FOUND', `No NS instance ${id.slice(0, 64)}`);
      // Lock the NSD before the instance, in the same order as create, so the two never deadlock;
      // the instance lock (inside delete) serializes with accepting an operation on it.
      await this.d.nsds.lockByInfoId(current.doc.nsdInfoId, tx);
      await this.d.repo.lockInstance(id, tx);
      const active = await this.d.repo.activeOccurrence(id, tx);
      if (active) {
        throw new NfvoError('CONFLICT', `NS instance ${id} is held by ${active.lcmOperationType} operation ${active.id} in ${active.operationState}; finish it (retry, rollback or fail) before deleting.`);
      }
      if (await this.d.runs.deployment(id, tx)) {
        throw new NfvoError('CONFLICT', `NS instance ${id} still has resources on its VIMs from an operation declared FAILED; instantiate it (which reuses them) and terminate it, then delete it.`);
      }
      let deleted: NsInstance | undefined;
      await this.d.repo.instances.delete(id, (cur) => {
        if (!NS_STATE.can(cur.doc.nsState, 'DELETE')) throw new NfvoError('CONFLICT', `NS instance ${id} is ${cur.doc.nsState}; terminate it before deleting.`);
        deleted = cur.doc;
      }, tx);
      if ((await this.d.nsds.instanceCount(deleted!.nsdInfoId, tx)) === 0) await this.d.nsds.setUsage(deleted!.nsdInfoId, 'NOT_IN_USE', tx);
      await this.d.events.append(nsIdentifierDeleted(deleted!), tx);
    });
  }
}
