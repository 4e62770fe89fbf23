import type { PlacementConstraint } from '../../model';
import { listOf } from '../describe';
import { defineRule } from '../rule';
import type { Report, RuleContext } from '../rule';

function checkShape(p: PlacementConstraint, report: Report): void {
  const distinct = new Set(p.functions).size;
  switch (p.type) {
    case 'allowed-sites':
      if (p.functions.length === 0) report(p.source, 'an allowed-sites constraint lists no functions; name the functions it restricts');
      if (p.sites.length === 0) report(p.source, `the allowed-sites constraint on ${listOf(p.functions)} lists no sites, so they could run nowhere; list at least one site`);
      return;
    case 'affinity':
    case 'anti-affinity':
      if (distinct < 2) report(p.source, `an ${p.type} constraint relates functions to each other but names ${distinct === 0 ? 'none' : `only '${p.functions[0]}'`}; list at least two different functions, or remove it`);
      return;
    case 'max-latency': {
      // The tuple type promises two, but the document may hold any number.
      const named: readonly string[] = p.functions;
      if (named.length !== 2 || distinct !== 2) report(p.source, `a max-latency constraint bounds the latency between two different functions, but names ${listOf(named)}; name exactly two`);
      if (!(p.maxLatencyMs > 0) || !Number.isFinite(p.maxLatencyMs)) report(p.source, `the max-latency constraint on ${listOf(p.functions)} allows ${p.maxLatencyMs} ms; give a positive number of milliseconds`);
      return;
    }
    default:
      report((p as PlacementConstraint).source, `placement constraint type '${(p as { type: string }).type}' is not one of allowed-sites, affinity, anti-affinity, max-latency; use one of those`);
  }
}

function checkFunctions(p: PlacementConstraint, ctx: RuleContext, report: Report): void {
  for (const id of p.functions) {
    if (!ctx.lookupFunction(id)) report(p.source, `the ${p.type} constraint names function '${id}', but the service has no function with that id (functions: ${listOf(ctx.functionIds())}); use one of those ids`);
  }
}

/**
 * Placement constraints are handed to the placement module as they are; a constraint that cannot
 * be satisfied or means nothing (no site, a lone anti-affine function, a zero latency bound, an
 * unknown function) is the descriptor's mistake and is reported here rather than at instantiation.
 */
export const placementRule = defineRule(
  { code: 'joint.placement', level: 'joint', severity: 'error', summary: 'A placement constraint names an unknown function, has too few functions (affinity/anti-affinity < 2, max-latency ≠ 2), an empty site list, or a max-latency that is not > 0.' },
  (set, ctx, report) => {
    for (const p of set.service?.placement ?? []) {
      checkShape(p, report);
      checkFunctions(p, ctx, report);
    }
  },
);
