import type { OwnerType } from '../ports/package-file-store.port';

/** The job that turns uploaded package content into onboarded descriptors (or an ERROR report). */
export const ONBOARD_QUEUE = 'onboard-package';

export interface OnboardJob {
  owner: OwnerType;
  ownerId: string;
}

/** Attempts after the first; the worker gives up (ERROR, never stuck in PROCESSING) after the last. */
export const ONBOARD_RETRY_LIMIT = 3;
