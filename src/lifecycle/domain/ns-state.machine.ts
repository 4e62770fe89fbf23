import { defineMachine } from '../../shared/fsm';

/** NsInstance.nsState (SOL005 cl. 6.5.2.10): NOT_INSTANTIATED | INSTANTIATED; DELETED is the resource gone. */
export type NsState = 'NOT_INSTANTIATED' | 'INSTANTIATED' | 'DELETED';
export type NsEvent = 'INSTANTIATE_COMPLETED' | 'TERMINATE_COMPLETED' | 'DELETE';

/**
 * SOL005 NS lifecycle: an instantiate that completes makes the NS INSTANTIATED, a terminate that
 * completes makes it NOT_INSTANTIATED again, and only a NOT_INSTANTIATED NS instance may be deleted.
 * Scale, update and heal keep the state; they are only accepted on INSTANTIATED (see ns-operations).
 */
export const NS_STATE = defineMachine<NsState, NsEvent>(
  'NsInstance.nsState',
  {
    NOT_INSTANTIATED: { INSTANTIATE_COMPLETED: 'INSTANTIATED', DELETE: 'DELETED' },
    INSTANTIATED: { TERMINATE_COMPLETED: 'NOT_INSTANTIATED' },
    DELETED: {},
  },
  'NOT_INSTANTIATED',
  ['DELETED'],
);
