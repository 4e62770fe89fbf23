import { defineRule } from '../rule';

/**
 * Positions order the hops, and the switch flows are programmed in that order. Two hops with one
 * position leave the order undefined, so (unlike SONATA's validator, which only warned) it is an
 * error here: the orchestrator would otherwise have to guess the chain.
 */
export const duplicatePositionRule = defineRule(
  { code: 'topology.duplicate-position', level: 'topology', severity: 'error', summary: 'Two hops of one forwarding path have the same position.' },
  (set, _ctx, report) => {
    for (const fg of set.service?.forwardingGraphs ?? []) {
      for (const path of fg.paths) {
        const first = new Map<number, string>();
        for (const hop of path.hops) {
          const earlier = first.get(hop.position);
          if (earlier === undefined) first.set(hop.position, hop.connectionPointRef);
          else report(hop.source, `forwarding path '${path.id}' has two hops at position ${hop.position} ('${earlier}' and '${hop.connectionPointRef}'); give each hop its own position in the order traffic passes them`);
        }
      }
    }
  },
);
