import { buildSelectionPlan } from './selection-plan.builder';
import { evaluatePlan } from './selection-plan.evaluator';
import type { Selection, SelectionSpec } from './selection.types';

/**
 * Returns a new representation holding the attributes a selection asks for
 * (SOL013 Table 5.3.2-2):
 * - all_fields: everything;
 * - exclude_default (also the default): everything but the resource's default exclude set;
 * - fields=<list>: everything but the optional complex attributes not listed; with
 *   exclude_default, everything exclude_default keeps plus those listed;
 * - exclude_fields=<list>: everything but those listed (mandatory ones cannot be listed).
 *
 * With `owned`, the result may share unselected subtrees with `doc` (no deep copy): for
 * callers that built `doc` themselves and only serialise the result.
 *
 * Attribute paths that do not occur in `doc` select nothing; validateSelectionPaths
 * rejects paths that the resource type does not have at all.
 */
export function applySelection<T extends object>(doc: T, selection: Selection, spec: SelectionSpec, opts: { owned?: boolean } = {}): Partial<T> {
  return makeSelector<T>(selection, spec, opts)(doc);
}

/** The same, with the plan built once for a whole page of documents. */
export function makeSelector<T extends object>(selection: Selection, spec: SelectionSpec, opts: { owned?: boolean } = {}): (doc: T) => Partial<T> {
  const plan = buildSelectionPlan(selection, spec);
  const keep = opts.owned ? (v: unknown) => v : undefined;
  return (doc) => (evaluatePlan(doc, plan, keep) ?? {}) as Partial<T>;
}
