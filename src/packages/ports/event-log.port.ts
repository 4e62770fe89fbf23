import type { TxHandle } from '../../shared/unit-of-work';

/**
 * Domain events, appended in the transaction of the change they report; the notification outbox
 * turns them into SOL005 notifications for matching subscriptions. `type` is the SOL005
 * notificationType the event becomes (e.g. NsdOnBoardingNotification).
 */
export interface DomainEvent {
  type: string;
  subjectType: 'nsd' | 'vnf_pkg' | 'ns_instance' | 'ns_lcm_op_occ';
  subjectId: string;
  payload: Record<string, unknown>;
}

export interface EventLog {
  append(event: DomainEvent, tx: TxHandle): Promise<void>;
}

export const EVENT_LOG = Symbol('EVENT_LOG');
