import type { PlacementIndex } from './placement-index';
import type { StaticView } from './static-candidates';

/**
 * Most constrained first: groups with the fewest possible sites, then the most relations to
 * other functions, so dead ends show early where backtracking is cheap. A group's members follow
 * each other, so the first one fixes the site and the rest only choose their VIM there.
 */
export function searchOrder(ix: PlacementIndex, view: StaticView): number[] {
  const siteCount = (i: number) => new Set(view.pairs[i].map((p) => p.site)).size;
  const degree = (i: number) => ix.anti[i].length + ix.latencyBounds[i].length;
  const groups = [...new Set(ix.groupOf)].map((members) => ({
    members: [...members].sort((a, b) => view.pairs[a].length - view.pairs[b].length || (ix.fns[a].functionId < ix.fns[b].functionId ? -1 : 1)),
    sites: Math.min(...members.map(siteCount)),
    degree: members.reduce((n, m) => n + degree(m), 0),
    id: ix.fns[members[0]].functionId,
  }));
  groups.sort((a, b) => a.sites - b.sites || b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return groups.flatMap((g) => g.members);
}
