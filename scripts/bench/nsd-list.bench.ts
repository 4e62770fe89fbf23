/**
 * nsd-list: GET /nsd/v2/ns_descriptors over 10,000 NsdInfo records in PostgreSQL, a plain first page of 100
 * and a filter on a nested attribute, each against a bare Node server replaying the same bytes in the same
 * run (the ratio is what is comparable across machines), plus the plan PostgreSQL picks for the filter.
 */
import { clientCredentialsToken } from './oauth-token';
import { openScratch } from './scratch-schema';
import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import type { Benchmark, BenchContext } from './bench.types';
import { figureLine, indented, label } from './bench-line';
import { describeProblems, hasProblems, runLoad, type LoadResult } from './http-load';
import type { BareReply } from './bare-server.child';
import { forkServer } from './forked-server';
import { startNfvo } from './nfvo.process';
import { seedNsdInfo, type SeedStats } from './nsd-info.seed';
import { GIN_INDEX, countMatches, executionTime, explainAnalyze, firstPageSql, scanOf, usesIndex } from './nsd-list.explain';

const NAME = 'nsd-list';
const ROWS = 10_000;
const PAGE_SIZE = 100;
const LOAD = { connections: 32, warmupSec: 2, durationSec: 10 };
const TARGETS = { minRatio: 0.3, maxP99Ms: 50 };
const API_VERSION = '2.12.0';
const COLLECTION = '/nsd/v2/ns_descriptors';

interface Scenario {
  name: string;
  path: string;
  /** Rows the scenario's filter matches in the whole table (known from the seed). */
  matches?: number;
}

export const benchmark: Benchmark = { name: NAME, run };

async function run(ctx: BenchContext): Promise<void> {
  const scratch = await openScratch(ctx, NAME);
  if (!scratch) return;
  const { databaseUrl, pg, schema, jobsSchema } = scratch;

  const client = { id: 'bench', secret: randomBytes(24).toString('base64url') };
  const nfvo = await startNfvo({ databaseUrl, schema, jobsSchema, client, secretKeyHex: randomBytes(32).toString('hex'), pageSize: PAGE_SIZE });
  ctx.defer('stop the NFVO process', async () => {
    if ((await nfvo.stop()) === 'killed') ctx.print(`${NAME}: the NFVO process ignored SIGTERM for 10 s and was killed`);
  });

  // The service has run its migrations by now; seed its table directly. Autovacuum is off for this table so
  // it cannot merge the GIN pending list in the middle of a run and change the plan under load: the
  // benchmark measures before and after an explicit VACUUM instead.
  await pg.query(`SET search_path TO ${schema}`);
  await pg.query('ALTER TABLE nsd_info SET (autovacuum_enabled = false)');
  const seeded = await seedNsdInfo(pg, ROWS);
  ctx.print(`${label(NAME, 'setup')}${seeded.rows} NsdInfo rows inserted in one transaction and ANALYZEd in ${seconds(seeded.millis)} (schema ${schema}, autovacuum off for nsd_info); NFVO pid ${nfvo.child.pid}, NFVO_PAGE_SIZE ${PAGE_SIZE}; ${LOAD.connections} connections, pipelining 1, ${LOAD.warmupSec} s warm-up + ${LOAD.durationSec} s per run`);

  const headers = { Authorization: `Bearer ${await clientCredentialsToken(nfvo.url, client)}`, Version: API_VERSION };
  const team = teamNear(seeded, 0.015);
  const nested = `(eq,userDefinedData/owner/team,${team})`;
  const page: Scenario = { name: 'page-of-100', path: COLLECTION };
  const filtered: Scenario = { name: 'filter-nested', path: `${COLLECTION}?filter=${nested}`, matches: seeded.teams.get(team) };

  // 1. Right after the bulk load: the GIN index's new entries still sit in its pending list (fastupdate).
  await explainFilter(ctx, pg, seeded, 'before-vacuum', nested, 'the filter-nested query right after the bulk load and ANALYZE');
  await measure(ctx, nfvo.url, headers, { ...filtered, name: 'filter-nested-before-vacuum' }, seeded);

  // 2. What autovacuum does soon after bulk inserts on a real system: the steady state the service runs in.
  const vacuumStarted = Date.now();
  const { rows } = await pg.query<{ pages: string }>('SELECT gin_clean_pending_list($1::regclass) AS pages', [GIN_INDEX]);
  await pg.query('VACUUM ANALYZE nsd_info');
  ctx.print(`${label(NAME, 'setup')}VACUUM ANALYZE nsd_info in ${seconds(Date.now() - vacuumStarted)}: ${rows[0].pages} pending-list pages of ${GIN_INDEX} merged into the index (as autovacuum would)`);

  // 3. The figures of the issue, in the steady state.
  await measure(ctx, nfvo.url, headers, page, seeded);
  await measure(ctx, nfvo.url, headers, filtered, seeded);

  // 4. The plans, with a narrower (two nested terms, a row or a few) and a wider (~33 %) filter for contrast: with
  //    ORDER BY seq LIMIT the planner weighs walking the seq index until a page is full against collecting
  //    every match through the GIN index and sorting them.
  const region = [...seeded.regions.keys()].sort()[0];
  const tier = [...seeded.tiers.keys()].sort()[0];
  await explainFilter(ctx, pg, seeded, 'filter-nested', nested, 'the query of the filter-nested scenario');
  await explainFilter(ctx, pg, seeded, 'narrower', `${nested};(eq,userDefinedData/region,${region})`);
  await explainFilter(ctx, pg, seeded, 'wider', `(eq,userDefinedData/tier,${tier})`);
}

/** One scenario: the service under load, then the bare server replaying its exact answer under the same load. */
async function measure(ctx: BenchContext, base: string, headers: Record<string, string>, s: Scenario, seeded: SeedStats): Promise<void> {
  const reply = await capture(base + s.path, headers);
  const matches = s.matches === undefined ? '' : `; the filter matches ${s.matches} of ${seeded.rows} rows (${pct(s.matches, seeded.rows)})`;
  ctx.print(`${label(NAME, s.name)}GET ${s.path}: ${reply.items} items, ${reply.body.length} bytes${reply.headers.link ? ', Link to the next page' : ''}${matches}`);

  const service = await runLoad({ url: base + s.path, headers, ...LOAD });
  const bareReply: BareReply = { status: reply.status, headers: reply.headers, bodyBase64: reply.body.toString('base64') };
  const bare = await forkServer('bare-server.child', 'bare server', bareReply);
  let baseline: LoadResult;
  try {
    baseline = await runLoad({ url: bare.url + s.path, headers, ...LOAD });
  } finally {
    await bare.stop();
  }
  const broken = reportProblems(ctx, s.name, { nfvo: service, bare: baseline });
  ctx.print(figureLine(label(NAME, s.name), service, baseline, TARGETS, broken ? ' | WITH ERRORS: figures not valid' : ''));
}

/** Prints every warm-up or measured run that saw non-2xx answers, errors or timeouts; true if a measured one did. */
function reportProblems(ctx: BenchContext, scenario: string, runs: Record<string, LoadResult>): boolean {
  let measuredBroken = false;
  for (const [who, r] of Object.entries(runs)) {
    for (const phase of ['warmup', 'measured'] as const) {
      const p = r.problems[phase];
      if (!hasProblems(p)) continue;
      if (phase === 'measured') measuredBroken = true;
      ctx.print(`${label(NAME, scenario)}${who} ${phase === 'warmup' ? 'warm-up' : 'measured run'}: ${describeProblems(p)}`);
    }
  }
  return measuredBroken;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the service's first-page SQL for `filter`, indented, and a one-line verdict. */
async function explainFilter(ctx: BenchContext, pg: Client, seeded: SeedStats, name: string, filter: string, what?: string): Promise<void> {
  const q = firstPageSql(filter, PAGE_SIZE);
  const plan = await explainAnalyze(pg, q);
  const n = await countMatches(pg, filter);
  const head = label(NAME, `explain ${name}`);
  ctx.print(`${head}${filter}: ${n} of ${seeded.rows} rows match (${pct(n, seeded.rows)})${what ? `; ${what}` : ''}`);
  ctx.print(`${head}SQL: ${q.sql}  params: ${JSON.stringify(q.params)}`);
  for (const line of indented(plan)) ctx.print(line);
  ctx.print(
    usesIndex(plan)
      ? `${head}index used: yes (${GIN_INDEX}); execution ${executionTime(plan)}`
      : `${head}index used: no: the plan reads ${scanOf(plan)} and tests @> on every row it reads instead of using ${GIN_INDEX}; execution ${executionTime(plan)}`,
  );
}

/** The team whose share of rows is closest to `share`: a filter that still fills a page but is selective. */
function teamNear(seeded: SeedStats, share: number): string {
  const want = share * seeded.rows;
  return [...seeded.teams.entries()].filter(([, n]) => n > PAGE_SIZE).sort((a, b) => Math.abs(a[1] - want) - Math.abs(b[1] - want) || a[0].localeCompare(b[0]))[0][0];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(n / of < 0.01 ? 2 : 1)} %`;

interface Captured {
  status: number;
  /** What the bare server repeats: the representation's type, the API version, and paging. */
  headers: Record<string, string>;
  body: Buffer;
  items: number;
}

/** One request, kept byte for byte, so the baseline serves exactly what the service served. */
async function capture(url: string, headers: Record<string, string>): Promise<Captured> {
  const r = await fetch(url, { headers });
  const body = Buffer.from(await r.arrayBuffer());
  if (r.status !== 200) throw new Error(`GET ${url} answered ${r.status}: ${body.toString('utf8').slice(0, 300)}`);
  const parsed: unknown = JSON.parse(body.toString('utf8'));
  if (!Array.isArray(parsed)) throw new Error(`GET ${url} did not return a JSON array`);
  const kept: Record<string, string> = {};
  for (const name of ['content-type', 'version', 'link']) {
    const v = r.headers.get(name);
    if (v !== null) kept[name] = v;
  }
  return { status: r.status, headers: kept, body, items: parsed.length };
}

