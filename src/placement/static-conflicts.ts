import type { PlacementIndex } from './placement-index';
import type { PlacementFailure, SiteExclusion } from './placement.model';
import type { StaticView } from './static-candidates';

/**
 * Failures visible before any search: a function no site can take, an affinity group no single
 * site can take, a pair that must both share and not share a site. All of them are reported at
 * once, so one round of fixing the descriptor or the registry addresses every one.
 */
export function staticConflicts(ix: PlacementIndex, view: StaticView): PlacementFailure[] {
  const failures: PlacementFailure[] = [...ix.unknown];
  const name = (i: number) => ix.fns[i].functionId;
  const siteReasons = (i: number, prefix = ''): SiteExclusion[] =>
    [...view.excluded[i]].flatMap(([s, whys]) => whys.map((why) => ({ siteId: ix.sites[s].id, why: prefix + why })));
  const empty = new Set<number>();
  ix.fns.forEach((f, i) => {
    if (view.pairs[i].length > 0) return;
    empty.add(i);
    failures.push({ functionId: f.functionId, reasons: ix.sites.length ? siteReasons(i) : [{ siteId: '*', why: 'no site is registered' }] });
  });
  for (const group of new Set(ix.groupOf)) {
    if (group.length < 2 || group.some((m) => empty.has(m))) continue;
    const common = group.map((m) => new Set(view.pairs[m].map((p) => p.site))).reduce((a, b) => new Set([...a].filter((s) => b.has(s))));
    if (common.size > 0) continue;
    const [lead] = group;
    const affine = (m: number) => (m === lead ? '' : `'${name(m)}' (affinity with '${name(lead)}'): `);
    const reasons = group.flatMap((m) => siteReasons(m, affine(m)));
    failures.push({ functionId: name(lead), reasons: reasons.sort((a, b) => (a.siteId < b.siteId ? -1 : a.siteId > b.siteId ? 1 : 0)) });
  }
  ix.anti.forEach((partners, a) => {
    for (const b of partners) {
      if (a < b && ix.groupOf[a] === ix.groupOf[b]) {
        failures.push({ functionId: name(a), reasons: [{ siteId: '*', why: `anti-affinity with '${name(b)}' contradicts affinity: both must share a site` }] });
      }
    }
  });
  return failures;
}
