import { randomUUID } from 'node:crypto';
import type { EventLog } from '../../packages/ports/event-log.port';
import type { JobQueue } from '../../packages/ports/job-queue.port';
import { NfvoError } from '../../shared/nfvo-error';
import type { UnitOfWork } from '../../shared/unit-of-work';
import { opOccurrence } from '../domain/ns-lcm-events';
import type { NsLcmOpOcc, NsLcmOpType } from '../domain/ns-lcm-op-occ.model';
import type { NsLcmRepository } from '../ports/ns-lcm-repository.port';
import { RUN_LCM_OPERATION_QUEUE } from './lcm-queue';

/** Which NS state each operation starts from (SOL005 cl. 6.4.4-6.4.8: 409 otherwise). */
const REQUIRED_STATE: Record<NsLcmOpType, 'NOT_INSTANTIATED' | 'INSTANTIATED'> = {
  INSTANTIATE: 'NOT_INSTANTIATED', SCALE: 'INSTANTIATED', UPDATE: 'INSTANTIATED', HEAL: 'INSTANTIATED', TERMINATE: 'INSTANTIATED',
};

/**
 * POST …/instantiate | scale | update | heal | terminate: accepting is ONE transaction holding the NS
 * instance's row lock: state check, the occurrence (PROCESSING; the database refuses a second non-final
 * one), the job that runs it, and the START notification. The caller answers 202 with its Location.
 */
export class AcceptLcmOperation {
  constructor(private readonly d: { repo: NsLcmRepository; jobs: JobQueue; events: EventLog; uow: UnitOfWork; now?: () => Date }) {}

  execute(nsInstanceId: string, type: NsLcmOpType, operationParams: Record<string, unknown>): Promise<NsLcmOpOcc> {
    return this.d.uow.run(async (tx) => {
      const ns = await this.d.repo.lockInstance(nsInstanceId, tx);
      if (!ns) throw new NfvoError('NOT_FOUND', `No NS instance ${nsInstanceId.slice(0, 64)}`);
      const running = await this.d.repo.activeOccurrence(ns.id, tx);
      if (running) throw new NfvoError('CONFLICT', `NS instance ${ns.id} already has ${running.lcmOperationType} operation ${running.id} in ${running.operationState}; one LCM operation at a time.`);
      if (ns.nsState !== REQUIRED_STATE[type]) {
        const hint = ns.nsState === 'INSTANTIATED' ? 'terminate it first' : 'instantiate it first';
        throw new NfvoError('CONFLICT', `NS instance ${ns.id} is ${ns.nsState}; ${type.toLowerCase()} needs it ${REQUIRED_STATE[type]} (${hint}).`);
      }
      const now = (this.d.now ?? (() => new Date()))().toISOString();
      const occ: NsLcmOpOcc = {
        id: randomUUID(), operationState: 'PROCESSING', statusEnteredTime: now, nsInstanceId: ns.id, lcmOperationType: type,
        startTime: now, isAutomaticInvocation: false, operationParams, isCancelPending: false,
      };
      await this.d.repo.insertOccurrence(occ, tx);
      await this.d.jobs.send(tx, RUN_LCM_OPERATION_QUEUE, { nsLcmOpOccId: occ.id }, { retryLimit: 0 });
      await this.d.events.append(opOccurrence(ns, occ, 'START'), tx);
      return occ;
    });
  }
}
