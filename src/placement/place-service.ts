import { backtrackSearch } from './backtrack-search';
import { failureDetail } from './failure-detail';
import { indexInput } from './placement-index';
import { DEFAULT_SEARCH_LIMIT, type Assignment, type PlacementInput, type PlacementResult } from './placement.model';
import { searchOrder } from './search-order';
import { staticCandidates } from './static-candidates';
import { staticConflicts } from './static-conflicts';
import { VimLedger } from './vim-ledger';

/**
 * Chooses a site and VIM for every function: pure and deterministic (ties break by site id, then
 * VIM id). Constraints every function carries alone are filtered once; the relations between
 * functions (affinity, anti-affinity, latency) and shared capacity are resolved by a bounded
 * backtracking search. See backtrack-search.ts for what a failure proves.
 */
export function placeService(input: PlacementInput): PlacementResult {
  const ix = indexInput(input);
  const limit = input.searchLimit ?? DEFAULT_SEARCH_LIMIT;
  const view = staticCandidates(ix, new VimLedger(ix.vims));
  const conflicts = staticConflicts(ix, view);
  if (conflicts.length) return { ok: false, failures: conflicts, detail: failureDetail(conflicts) };

  const order = searchOrder(ix, view);
  const found = backtrackSearch(ix, view, order, new VimLedger(ix.vims), input.policy ?? 'least-loaded', limit);
  if (found.site && found.vim) {
    const assignments: Record<string, Assignment> = {};
    ix.fns.forEach((f, i) => (assignments[f.functionId] = { siteId: ix.sites[found.site![i]].id, vimId: ix.vims[found.vim![i]].id }));
    return { ok: true, assignments, hostAntiAffinity: ix.hostAntiAffinity };
  }
  const stuck = found.stuck!;
  const functionId = ix.fns[stuck.fn].functionId;
  if (found.limitReached) {
    const why = `search limit of ${limit} placements reached before every function was placed; '${functionId}' is the furthest it got`;
    const failures = [{ functionId, reasons: [{ siteId: '*', why }, ...stuck.reasons] }];
    return { ok: false, failures, detail: failureDetail(failures, 'could not be placed within the search limit'), searchLimitReached: true };
  }
  const failures = [{ functionId, reasons: stuck.reasons }];
  return { ok: false, failures, detail: failureDetail(failures, 'cannot be placed in any combination with the others') };
}
