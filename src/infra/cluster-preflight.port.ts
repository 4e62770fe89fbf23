import type { Vim } from './infra.model';

/** Whether the NFVO can deploy to a cluster VIM at all (its IaC tooling present and usable): the reason when it cannot. */
export interface ClusterPreflight {
  check(vim: Vim): Promise<string | undefined>;
}
