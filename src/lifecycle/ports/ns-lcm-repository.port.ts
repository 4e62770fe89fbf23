import type { NsdInfo } from '../../packages/nsd-info/nsd-info.model';
import type { ResourceStore } from '../../shared/resource-store';
import type { TxHandle } from '../../shared/unit-of-work';
import type { NsInstance } from '../domain/ns-instance.model';
import type { NsLcmOpOcc } from '../domain/ns-lcm-op-occ.model';

/**
 * NS instances and their operation occurrences. The database itself allows at most one non-final
 * occurrence per NS instance, so two replicas can never both accept an operation on one NS.
 */
export interface NsLcmRepository {
  instances: ResourceStore<NsInstance>;
  occurrences: ResourceStore<NsLcmOpOcc>;
  /** The NS instance, its row locked in `tx`: accepting an operation, deleting and finishing all serialize on it. */
  lockInstance(id: string, tx: TxHandle): Promise<NsInstance | undefined>;
  /** Inserts in `tx`; CONFLICT naming the running occurrence when the NS instance already has one. */
  insertOccurrence(occ: NsLcmOpOcc, tx: TxHandle): Promise<void>;
  /** The occurrence that still holds the NS instance (PROCESSING, FAILED_TEMP or ROLLING_BACK), if any. */
  activeOccurrence(nsInstanceId: string, tx?: TxHandle): Promise<NsLcmOpOcc | undefined>;
}

/** The NSD side of NS instances: SOL005 cl. 5.5.2.2 nsdUsageState is IN_USE while any NS instance uses the NSD. */
export interface NsdUsage {
  /** The NSD whose descriptor has this nsdId, its row locked in `tx` so usage changes serialize. */
  lockByNsdId(nsdId: string, tx: TxHandle): Promise<NsdInfo | undefined>;
  lockByInfoId(nsdInfoId: string, tx: TxHandle): Promise<NsdInfo | undefined>;
  setUsage(nsdInfoId: string, usage: NsdInfo['nsdUsageState'], tx: TxHandle): Promise<void>;
  instanceCount(nsdInfoId: string, tx: TxHandle): Promise<number>;
}

export const NS_LCM_REPOSITORY = Symbol('NS_LCM_REPOSITORY');
export const NSD_USAGE = Symbol('NSD_USAGE');
