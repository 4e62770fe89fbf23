import { isResolved } from '../../validate/cp-resolution';
import { defineRule } from '../rule';
import { hopText, pathsOf, stepsOf } from './path-steps';
import type { Step } from './path-steps';

/**
 * A path that comes back to a connection point it already passed loops traffic (SONATA's
 * validator reported "cycles in forwarding path"). Kept a warning as there: a deliberate loop
 * through a function twice (e.g. encrypt, then inspect) is legal if the switch can tell the passes
 * apart. Back-to-back repeats are topology.hop-inside-function's, so each mistake is reported once.
 */
export const pathCycleRule = defineRule(
  { code: 'topology.cycle', level: 'topology', severity: 'warning', summary: 'A forwarding path visits the same connection point twice (not back to back).' },
  (set, ctx, report) => {
    for (const path of pathsOf(set)) {
      const seen = new Map<string, Step>();
      let previous: string | undefined;
      for (const step of stepsOf(path, ctx)) {
        const node = isResolved(step.r) ? step.r.key : `raw\u0000${step.hop.connectionPointRef}`;
        const earlier = seen.get(node);
        if (earlier && node !== previous) {
          report(step.hop.source, `forwarding path '${path.id}' comes back to ${hopText(step)} after passing it at position ${earlier.hop.position}, so traffic loops; remove the hops that lead back, or split the chain into two paths`);
        }
        if (!earlier) seen.set(node, step);
        previous = node;
      }
    }
  },
);
