import { siteAllows } from './dynamic-checks';
import type { PlacementIndex } from './placement-index';
import type { PlacementPolicy, SiteExclusion } from './placement.model';
import type { Pair, StaticView } from './static-candidates';
import type { VimLedger } from './vim-ledger';

export interface SearchOutcome {
  /** Per function index, the chosen site and VIM indices (when found). */
  site?: Int32Array;
  vim?: Int32Array;
  steps: number;
  limitReached: boolean;
  /** When not found: the furthest function in search order that had no candidate left, and why. */
  stuck?: { fn: number; reasons: SiteExclusion[] };
}

/**
 * Depth-first over functions in `order`, trying each one's feasible (site, VIM) pairs best first
 * by policy, undoing the last choice when a function has none left. Iterative, so 1,000 functions
 * do not mean 1,000 stack frames. Exhaustive unless `limit` placements were tried first: a failure
 * without `limitReached` proves that no assignment satisfies every constraint.
 */
export function backtrackSearch(ix: PlacementIndex, view: StaticView, order: readonly number[], ledger: VimLedger, policy: PlacementPolicy, limit: number): SearchOutcome {
  const n = order.length;
  const site = new Int32Array(ix.fns.length).fill(-1);
  const vim = new Int32Array(ix.fns.length).fill(-1);
  const cands: Pair[][] = new Array<Pair[]>(n);
  const cursor = new Int32Array(n);
  let steps = 0;
  let deepest = -1;
  let stuck: SearchOutcome['stuck'];
  const enter = (d: number): void => {
    cands[d] = candidates(ix, view, ledger, site, order[d], policy);
    cursor[d] = 0;
    if (cands[d].length === 0 && d > deepest) {
      deepest = d;
      stuck = { fn: order[d], reasons: explain(ix, view, ledger, site, order[d]) };
    }
  };
  let depth = 0;
  if (n > 0) enter(0);
  while (depth < n) {
    const fn = order[depth];
    if (cursor[depth] < cands[depth].length) {
      if (steps >= limit) {
        stuck ??= { fn, reasons: [] };
        return { steps, limitReached: true, stuck };
      }
      const p = cands[depth][cursor[depth]++];
      site[fn] = p.site;
      vim[fn] = p.vim;
      ledger.add(p.vim, ix.fns[fn]);
      steps++;
      if (++depth < n) enter(depth);
      continue;
    }
    if (--depth < 0) return { steps, limitReached: false, stuck };
    const back = order[depth];
    ledger.add(vim[back], ix.fns[back], -1);
    site[back] = vim[back] = -1;
  }
  return { site, vim, steps, limitReached: false };
}

function candidates(ix: PlacementIndex, view: StaticView, ledger: VimLedger, site: Int32Array, fn: number, policy: PlacementPolicy): Pair[] {
  const f = ix.fns[fn];
  const out: Pair[] = [];
  const score: number[] = [];
  let lastSite = -1;
  let lastOk = false;
  for (const p of view.pairs[fn]) {
    // Pairs come grouped by site, so the site-level check runs once per site.
    if (p.site !== lastSite) {
      lastSite = p.site;
      lastOk = siteAllows(ix, site, fn, p.site);
    }
    if (!lastOk || !ledger.fits(p.vim, f)) continue;
    out.push(p);
    score.push(ledger.utilisationAfter(p.vim, f));
  }
  const sign = policy === 'pack' ? -1 : 1;
  const idx = out.map((_, i) => i);
  // Equal scores keep the site-id, VIM-id order of `pairs`: the deterministic tie-break.
  idx.sort((a, b) => sign * (score[a] - score[b]) || a - b);
  return idx.map((i) => out[i]);
}

/** Every site's reasons for refusing `fn` given what is placed now: static ones first, then dynamic, then capacity. */
function explain(ix: PlacementIndex, view: StaticView, ledger: VimLedger, site: Int32Array, fn: number): SiteExclusion[] {
  const out: SiteExclusion[] = [];
  ix.sites.forEach((s, si) => {
    const whys = view.excluded[fn].get(si) ?? [];
    if (whys.length === 0 && siteAllows(ix, site, fn, si, whys)) {
      for (const p of view.pairs[fn]) if (p.site === si) whys.push(...ledger.shortfall(p.vim, ix.fns[fn]));
    }
    for (const why of whys) out.push({ siteId: s.id, why });
  });
  return out;
}
