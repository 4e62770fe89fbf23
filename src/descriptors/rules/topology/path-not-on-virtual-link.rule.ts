import { isResolved } from '../../validate/cp-resolution';
import { keyText } from '../describe';
import { defineRule } from '../rule';
import type { RuleContext } from '../rule';
import { hopText, pathsOf, stepsOf } from './path-steps';

/** Whether some service virtual link has both nodes as members (scans the shorter list). */
function joined(ctx: RuleContext, a: string, b: string): boolean {
  const [few, many] = [ctx.linksAt(a), ctx.linksAt(b)].sort((x, y) => x.length - y.length);
  const other = new Set(many);
  return few.some((vl) => other.has(vl));
}

/**
 * A forwarding path is programmed hop by hop onto the links that carry it (SONATA's "invalid
 * forwarding path" topology check): consecutive hops on different nodes must share a service
 * virtual link; consecutive hops on one function must be wired together inside it. Unresolved
 * hops are left to the integrity rules, repeated ones to topology.hop-inside-function.
 */
export const pathNotOnVirtualLinkRule = defineRule(
  { code: 'topology.path-not-on-virtual-link', level: 'topology', severity: 'error', summary: 'Two consecutive hops of a forwarding path are joined neither by a service virtual link nor, within one function, by its internal wiring.' },
  (set, ctx, report) => {
    for (const path of pathsOf(set)) {
      const steps = stepsOf(path, ctx);
      for (let i = 1; i < steps.length; i++) {
        const [a, b] = [steps[i - 1], steps[i]];
        if (!isResolved(a.r) || !isResolved(b.r) || a.r.key === b.r.key) continue;
        if (a.r.kind === 'function-cp' && b.r.kind === 'function-cp' && a.r.fn.id === b.r.fn.id) {
          const w = ctx.wiring(a.r.descriptor);
          if (w.partOf(a.r.cpId) === w.partOf(b.r.cpId)) continue;
          report(b.hop.source, `forwarding path '${path.id}' crosses function '${a.r.fn.id}' from ${hopText(a)} to ${hopText(b)}, but inside ${keyText(a.r.descriptor.key)} these connection points are not wired together by any unit or internal virtual link; route the path through connection points that are`);
        } else if (!joined(ctx, a.r.key, b.r.key)) {
          report(b.hop.source, `forwarding path '${path.id}' goes from ${hopText(a)} to ${hopText(b)}, but no virtual link of the service joins them; add a virtual link between them, or insert the hops that lead from one to the other`);
        }
      }
    }
  },
);
