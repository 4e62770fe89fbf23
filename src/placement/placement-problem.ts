import { NfvoError } from '../shared/nfvo-error';
import type { PlacementResult } from './placement.model';

type Failed = Extract<PlacementResult, { ok: false }>;

/**
 * A placement failure as the ProblemDetails of the instantiate operation: 422 (the request is
 * well-formed but cannot be satisfied by this infrastructure), `failures` listing every function
 * with the reason each site was excluded, for tools that fix the request or the registry.
 */
export function placementProblem(result: Failed): NfvoError {
  const extras: Record<string, unknown> = { failures: result.failures };
  if (result.searchLimitReached) extras.searchLimitReached = true;
  return new NfvoError('UNPROCESSABLE', `Placement failed: ${result.detail}`, extras);
}
