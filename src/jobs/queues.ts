/**
 * Every job queue the service uses, created when the job engine starts. Sending into a queue that does
 * not exist yet would make pg-boss create it on its own connection, which on embedded PGlite (one
 * connection) waits forever behind the very transaction that is sending: so they all exist up front.
 *
 * `short` (pg-boss 10): at most one job per singleton key waits in the queue. Notification delivery
 * uses it per (subscription, ordering key): one queued job delivers everything pending for its key, so a
 * burst of events does not leave thousands of redundant jobs behind (measured by the delivery benchmark).
 */
export const QUEUES: ReadonlyArray<{ name: string; policy: 'standard' | 'short' }> = [
  { name: 'onboard-package', policy: 'standard' },
  { name: 'fetch-package', policy: 'standard' },
  { name: 'deliver-notifications', policy: 'short' },
  { name: 'run-lcm-operation', policy: 'standard' },
];
