import type { PlacementFailure } from './placement.model';

/**
 * One sentence an operator can act on: the first failing function, each site with its reasons,
 * and how many other functions failed too (all of them are in `failures`).
 */
export function failureDetail(failures: readonly PlacementFailure[], lead = 'cannot be placed'): string {
  const [first] = failures;
  if (!first) return 'placement failed';
  const bySite = new Map<string, string[]>();
  for (const r of first.reasons) bySite.set(r.siteId, [...(bySite.get(r.siteId) ?? []), r.why]);
  const sites = [...bySite].map(([site, whys]) => (site === '*' ? whys.join('; ') : `${site}: ${whys.join('; ')}`)).join(' | ');
  const others = failures.length > 1 ? ` (and ${failures.length - 1} more: ${failures.slice(1).map((f) => `'${f.functionId}'`).join(', ')})` : '';
  return `function '${first.functionId}' ${lead}: ${sites || 'no reason recorded'}${others}`;
}
