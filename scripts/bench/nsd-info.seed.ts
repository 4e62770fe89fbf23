import type { Client } from 'pg';
import type { NsdInfo } from '../../src/packages/nsd-info/nsd-info.model';

/**
 * Realistic NsdInfo documents for the list benchmark, inserted with SQL straight into the service's table:
 * going through POST would take minutes and measure the wrong thing. A fixed-seed generator makes every run
 * query the same data, so runs are comparable.
 */

const VENDORS = [
  'acme-networks', 'blue-ridge-telecom', 'corvid-systems', 'delta-edge', 'ericdale', 'fjord-mobile', 'granite-core',
  'helix-radio', 'ion-transport', 'juniper-falls', 'kestrel-labs', 'lumen-nine', 'meridian-5g', 'nimbus-ims',
  'orbital-oss', 'pylon-security', 'quanta-ran', 'riverbend-sdn', 'sable-voice', 'tidal-cloud',
];
const AREAS = ['eu-west', 'eu-central', 'eu-north', 'us-east', 'us-west', 'us-central', 'ap-south', 'ap-east', 'sa-east', 'af-south'];
/** 10 areas x 5 = 50 regions. */
const REGIONS = AREAS.flatMap((a) => [1, 2, 3, 4, 5].map((n) => `${a}-${n}`));
const TIERS = ['gold', 'silver', 'bronze'];
const DOMAINS = ['core', 'edge', 'ran', 'transport', 'ims', 'packet', 'oss', 'bss', 'security', 'iot'];
/** 60 teams, drawn uniformly: each owns about 1.7 % of the rows, the selectivity the filtered scenario wants. */
const TEAMS = DOMAINS.flatMap((d) => [1, 2, 3, 4, 5, 6].map((n) => `${d}-${n}`));

/** mulberry32: tiny, fast, and good enough to spread test data; not for anything secret. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4'; // version 4
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16); // RFC 4122 variant
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface SeedStats {
  rows: number;
  /** Rows per userDefinedData.owner.team, to pick a filter of a known selectivity. */
  teams: Map<string, number>;
  regions: Map<string, number>;
  tiers: Map<string, number>;
  millis: number;
}

export function nsdInfoDocuments(count: number, seed = 20240611): NsdInfo[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  // Several versions of one NSD share its invariant id, as successive onboardings of a design do.
  const invariants = Array.from({ length: Math.ceil(count / 4) }, () => uuidFrom(rand));
  return Array.from({ length: count }, (_, n) => {
    const userDefinedData = { region: pick(REGIONS), tier: pick(TIERS), owner: { team: pick(TEAMS) } };
    const id = uuidFrom(rand);
    if (rand() < 0.1) {
      // Created but never onboarded: no NSD content yet, so none of the descriptor attributes (SOL005 5.5.2.2).
      return { id, nsdOnboardingState: 'CREATED', nsdOperationalState: 'DISABLED', nsdUsageState: 'NOT_IN_USE', userDefinedData };
    }
    const enabled = rand() < 0.85;
    return {
      id,
      nsdId: uuidFrom(rand),
      nsdName: `svc-${n}`,
      nsdVersion: `${1 + (n % 3)}.${n % 7}.${n % 4}`,
      nsdDesigner: pick(VENDORS),
      nsdInvariantId: pick(invariants),
      vnfPkgIds: Array.from({ length: 1 + Math.floor(rand() * 5) }, () => uuidFrom(rand)),
      nsdOnboardingState: 'ONBOARDED',
      nsdOperationalState: enabled ? 'ENABLED' : 'DISABLED',
      nsdUsageState: enabled && rand() < 0.5 ? 'IN_USE' : 'NOT_IN_USE',
      userDefinedData,
    };
  });
}

/**
 * Inserts the documents into `nsd_info` (of the client's search_path) in batches, all in one transaction so a
 * failed seed leaves nothing half-done, then ANALYZEs so the planner sees the real table.
 */
export async function seedNsdInfo(pg: Client, count: number, batchSize = 1000): Promise<SeedStats> {
  const started = Date.now();
  const docs = nsdInfoDocuments(count);
  await pg.query('BEGIN');
  try {
    for (let i = 0; i < docs.length; i += batchSize) {
      // One jsonb array parameter per batch; WITH ORDINALITY keeps seq in generation order.
      await pg.query(
        `INSERT INTO nsd_info (id, doc)
         SELECT (d->>'id')::uuid, d FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(d, i) ORDER BY i`,
        [JSON.stringify(docs.slice(i, i + batchSize))],
      );
    }
    await pg.query('COMMIT');
  } catch (e) {
    await pg.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  await pg.query('ANALYZE nsd_info');
  const tally = (key: (d: NsdInfo) => string) => {
    const m = new Map<string, number>();
    for (const d of docs) m.set(key(d), (m.get(key(d)) ?? 0) + 1);
    return m;
  };
  const udd = (d: NsdInfo) => d.userDefinedData as { region: string; tier: string; owner: { team: string } };
  return {
    rows: docs.length,
    teams: tally((d) => udd(d).owner.team),
    regions: tally((d) => udd(d).region),
    tiers: tally((d) => udd(d).tier),
    millis: Date.now() - started,
  };
}
