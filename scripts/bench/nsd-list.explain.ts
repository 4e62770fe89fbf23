import type { Client } from 'pg';
import { compileFilter, parseFilter } from '../../src/sol013/filter';
import { NSD_INFO_V2_ATTRIBUTES } from '../../src/packages/nsd-info/nsd-info.catalogue';

/** The index the filter compiler's `doc @> …` conditions are meant for (migration 1764000000000). */
export const GIN_INDEX = 'nsd_info_doc_gin';

export interface ListSql {
  sql: string;
  params: unknown[];
}

/**
 * The SQL the service runs for the first page of GET /nsd/v2/ns_descriptors?filter=…: the project's own
 * parser and compiler (so the benchmark cannot drift from them), in the statement shape of
 * DocumentStore.list() without a paging marker: `WHERE (<cond>) ORDER BY seq LIMIT <page size + 1>`.
 */
export function firstPageSql(filter: string, pageSize: number): ListSql {
  const cond = compileFilter(parseFilter(filter), NSD_INFO_V2_ATTRIBUTES, { column: 'doc', firstParam: 1 });
  const params = [...cond.params, pageSize + 1];
  return { sql: `SELECT seq, doc, revision FROM nsd_info WHERE (${cond.sql}) ORDER BY seq LIMIT $${params.length}`, params };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) with the values bound as parameters, as the service sends them (node-postgres
 * unnamed statements are planned with the actual values), so the plan is the one the service gets.
 */
export async function explainAnalyze(pg: Client, q: ListSql): Promise<string[]> {
  const { rows } = await pg.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
  return rows.map((r) => r['QUERY PLAN']);
}

/** How many rows the filter matches in all (not just the page), to state the selectivity next to the plan. */
export async function countMatches(pg: Client, filter: string): Promise<number> {
  const cond = compileFilter(parseFilter(filter), NSD_INFO_V2_ATTRIBUTES, { column: 'doc', firstParam: 1 });
  const { rows } = await pg.query<{ n: string }>(`SELECT count(*) AS n FROM nsd_info WHERE (${cond.sql})`, cond.params);
  return Number(rows[0].n);
}

/** The access path of the plan's scan on nsd_info, e.g. "Index Scan using nsd_info_seq_key". */
export function scanOf(plan: readonly string[]): string {
  const line = plan.find((l) => / on nsd_info\b/.test(l));
  return line ? line.replace(/^[\s>-]*/, '').replace(/\s+on nsd_info.*$/, '').replace(/\s+\(cost=.*$/, '') : 'unknown';
}

/** "0.384 ms" from the plan's "Execution Time" line. */
export const executionTime = (plan: readonly string[]): string =>
  plan.map((l) => /Execution Time: ([\d.]+ ms)/.exec(l)?.[1]).find((t) => t !== undefined) ?? 'unknown';

export const usesIndex = (plan: readonly string[], index = GIN_INDEX): boolean => plan.some((l) => l.includes(index));
