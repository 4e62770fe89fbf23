/**
 * Every job queue the service uses, created when the job engine starts. Sending into a queue that does
 * not exist yet would make pg-boss create it on its own connection, which on embedded PGlite (one
 * connection) waits forever behind the very transaction that is sending: so they all exist up front.
 */
export const QUEUES = ['onboard-package', 'fetch-package', 'deliver-notifications'] as const;
