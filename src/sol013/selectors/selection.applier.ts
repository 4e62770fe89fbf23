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
 * Attribute paths that do not occur in `doc` select nothing; validateSelectionPaths
 * rejects paths that the resource type does not have at all.
 */
export function applySelection<T extends object>(doc: T, selection: Selection, spec: SelectionSpec): Partial<T> {
  const plan = buildSelectionPlan(selection, spec);
  return (evaluatePlan(doc, plan) ?? {}) as Partial<T>;
}
