import type { FunctionDemand, LocationConstraint, Site, Vim } from './placement.model';

/** Why a VIM type mismatch excludes the site, naming what the site does offer. */
export function targetReason(f: FunctionDemand, site: Site, siteVims: readonly Vim[]): string | undefined {
  if (siteVims.some((v) => v.type === f.target)) return undefined;
  const types = [...new Set(siteVims.map((v) => v.type))].sort();
  return `target ${f.target} needs a ${f.target} VIM; ${site.id} has ${types.length ? `only ${types.join(', ')}` : 'no VIM'}`;
}

export function allowedReasons(site: Site, allowed: ReadonlyArray<{ sites: ReadonlySet<string>; list: string[] }>): string[] {
  return allowed.filter((a) => !a.sites.has(site.id)).map((a) => `not in allowed sites [${a.list.join(', ')}]`);
}

/**
 * SOL005 VnfLocationConstraint: the site must be in the country (ISO 3166-1 alpha-2, compared
 * case-insensitively) and match every civic address element given; `siteId` pins one site.
 */
export function locationReasons(site: Site, constraints: readonly LocationConstraint[]): string[] {
  const out: string[] = [];
  for (const lc of constraints) {
    if (lc.siteId !== undefined && lc.siteId !== site.id) out.push(`location constraint requires site ${lc.siteId}`);
    const country = site.location?.countryCode;
    if (lc.countryCode !== undefined && country?.toUpperCase() !== lc.countryCode.toUpperCase()) {
      out.push(`country ${lc.countryCode} required, site is ${country ?? 'in no recorded country'}`);
    }
    for (const [caType, caValue] of Object.entries(lc.civicAddress ?? {})) {
      const has = site.location?.civicAddress?.[caType];
      if (has !== caValue) out.push(`civic address ${caType}=${caValue} required, site has ${has === undefined ? `no ${caType}` : `${caType}=${has}`}`);
    }
  }
  return out;
}
