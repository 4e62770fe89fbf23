import type { TxHandle } from '../../shared/unit-of-work';

/** One server an operation's plan adds on a VIM: what it will count against the VIM's quota once created. */
export interface ServerReservation {
  /** The plan step that creates the server: once it is DONE the server is in the VIM's reported usage. */
  stepId: string;
  vimId: string;
  vcpus: number;
  memoryMiB: number;
  instances: number;
}

export type Reserved = Pick<ServerReservation, 'vcpus' | 'memoryMiB' | 'instances'>;

/**
 * The capacity LCM operations in progress have placed on VIMs but may not have created yet. Placement
 * reads it and adds its own in one transaction under one lock shared by every replica, so two operations
 * never both count on the same free quota.
 */
export interface VimReservations {
  /** Runs `fn` in one transaction holding the placement lock: placements on every replica wait for each other. */
  exclusively<T>(fn: (tx: TxHandle) => Promise<T>): Promise<T>;
  /**
   * Per VIM, what the non-final operations hold for servers not created yet (their step not DONE). Read
   * it before the VIMs' usage: a server created in between is then counted twice, never zero times.
   */
  held(tx: TxHandle): Promise<Map<string, Reserved>>;
  reserve(nsLcmOpOccId: string, nsInstanceId: string, servers: readonly ServerReservation[], tx: TxHandle): Promise<void>;
  /** Drops everything the occurrence holds (a re-plan, or the occurrence reached a final state). */
  release(nsLcmOpOccId: string, tx: TxHandle): Promise<void>;
}

export const VIM_RESERVATIONS = Symbol('VIM_RESERVATIONS');
