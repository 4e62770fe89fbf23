import type { Dependency } from '../../model';
import { defineRule } from '../rule';
import { startupCycles } from './startup-graph';

/**
 * `from` starts only once `to` runs, so startup dependencies must form a DAG, or no function of the
 * cycle can ever start first. Connectivity dependencies do not order starts (addresses are known
 * once ports exist, before any server boots), so they may point both ways.
 */
export const startupCycleRule = defineRule(
  { code: 'joint.startup-cycle', level: 'joint', severity: 'error', summary: 'Startup dependencies form a cycle; the message lists its members in order.' },
  (set, ctx, report) => {
    const edges: Array<[string, string, Dependency]> = [];
    for (const dep of set.service?.dependencies ?? []) {
      if (dep.type !== 'startup') continue;
      const from = ctx.lookupFunction(dep.from);
      const to = ctx.lookupFunction(dep.to);
      if (from && to) edges.push([from.fn.id, to.fn.id, dep]);
    }
    for (const cycle of startupCycles(edges)) {
      const order = [...cycle.map((e) => `'${e[0]}'`), `'${cycle[0][0]}'`].join(' → ');
      report(cycle[0][2].source, `startup dependencies form a cycle: ${order} (each waits for the next), so none of them can start first; remove one of these startup dependencies (use a connectivity dependency if only the address is needed)`);
    }
  },
);
