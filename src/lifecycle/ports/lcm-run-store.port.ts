import type { TxHandle } from '../../shared/unit-of-work';
import type { NsLcmOpOcc } from '../domain/ns-lcm-op-occ.model';
import type { StepJournal, StepRecord } from '../engine/step-journal.port';
import type { Plan } from '../plan/plan.model';

/** What runs for an instantiated NS instance: the plan it was built with and every step's output. */
export interface Deployment {
  plan: Plan;
  outputs: Record<string, Record<string, unknown>>;
}

export interface LeasedRun {
  occ: NsLcmOpOcc;
  plan?: Plan;
}

/**
 * The worker side of an occurrence. A run holds a lease (owner + expiry) that it renews while it works;
 * a lease left to expire (the process died) lets the recovery sweep hand the occurrence to any replica.
 */
export interface LcmRunStore {
  /** Takes the lease of a PROCESSING or ROLLING_BACK occurrence that nobody else holds. */
  acquire(occId: string, owner: string, leaseMs: number): Promise<LeasedRun | undefined>;
  /** Extends the lease; undefined when it was lost. Also reports a cancel request. */
  renew(occId: string, owner: string, leaseMs: number): Promise<{ cancelMode?: 'GRACEFUL' | 'FORCEFUL' } | undefined>;
  /** Stores the plan and, in the same transaction, the journal records it starts from. */
  savePlan(occId: string, plan: Plan, seed: StepRecord[]): Promise<void>;
  /** With `tx`, reads inside that transaction (on embedded PGlite a read outside it would wait for it forever). */
  journal(occId: string, tx?: TxHandle): StepJournal;
  plan(occId: string, tx?: TxHandle): Promise<Plan | undefined>;
  releaseLease(occId: string, tx: TxHandle): Promise<void>;
  /** Locks the occurrence's row in `tx` and tells whether `owner` still holds its lease. */
  holdsLease(occId: string, owner: string, tx: TxHandle): Promise<boolean>;
  deployment(nsInstanceId: string, tx?: TxHandle): Promise<Deployment | undefined>;
  setDeployment(nsInstanceId: string, deployment: Deployment | null, tx: TxHandle): Promise<void>;
  /** Running occurrences whose lease expired (or that no worker took within `graceMs`), marked so one sweep hands each out once. */
  claimOrphans(graceMs: number): Promise<string[]>;
  /** Resets the journal records of failed steps to PENDING (retry) or SKIPPED (continue). */
  resetFailedSteps(occId: string, to: 'PENDING' | 'SKIPPED', tx: TxHandle): Promise<number>;
}

export const LCM_RUN_STORE = Symbol('LCM_RUN_STORE');
