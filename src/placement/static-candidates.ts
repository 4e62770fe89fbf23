import type { PlacementIndex } from './placement-index';
import { allowedReasons, locationReasons, targetReason } from './site-filters';
import type { VimLedger } from './vim-ledger';

export interface Pair {
  site: number;
  vim: number;
}

/**
 * What holds whatever else is placed: target, allowed sites, location, and capacity of the VIM
 * before this placement adds anything. Computed once; the search only re-checks the pairs that
 * survive, and failures quote the reasons recorded here for the sites that did not.
 */
export interface StaticView {
  /** Per function, surviving (site, VIM) pairs in site-id then VIM-id order. */
  pairs: Pair[][];
  /** Per function, site index -> why the whole site is excluded. */
  excluded: Array<Map<number, string[]>>;
}

export function staticCandidates(ix: PlacementIndex, emptyLedger: VimLedger): StaticView {
  const view: StaticView = { pairs: [], excluded: [] };
  const vimsAt = ix.vimsBySite.map((vs) => vs.map((v) => ix.vims[v]));
  ix.fns.forEach((f, i) => {
    const pairs: Pair[] = [];
    const excluded = new Map<number, string[]>();
    ix.sites.forEach((site, s) => {
      const target = targetReason(f, site, vimsAt[s]);
      const why = [...(target ? [target] : []), ...allowedReasons(site, ix.allowed[i]), ...locationReasons(site, ix.location[i])];
      if (why.length === 0) {
        const typed = ix.vimsBySite[s].filter((v) => ix.vims[v].type === f.target);
        const fitting = typed.filter((v) => emptyLedger.fits(v, f));
        if (fitting.length) for (const vim of fitting) pairs.push({ site: s, vim });
        else for (const v of typed) why.push(...emptyLedger.shortfall(v, f));
      }
      if (why.length) excluded.set(s, why);
    });
    view.pairs.push(pairs);
    view.excluded.push(excluded);
  });
  return view;
}
