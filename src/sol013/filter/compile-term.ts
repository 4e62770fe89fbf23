import type { AttributeCatalogue } from './attribute-catalogue';
import { FILTER_OPS, type FilterOp, type FilterTerm } from './filter-ast';
import { containsPattern, DATETIME_PATTERN, isFilterDateTime, toBoolean, toJsonNumber } from './filter-values';
import { findUnstorableChar, quoteForMessage } from './parse-filter';
import { resolveAttribute, type PathStep, type ResolvedAttribute } from './resolve-attribute';

/**
 * SQL of one SOL013 cl. 5.2.2 filter term (see compile-filter.ts for the shapes).
 * Everything derived from the request goes through Params; the SQL text holds only
 * the trusted column expression and constants of this file.
 */

// Aliases of the per-term subqueries; unusual names so they cannot capture a column
// or table alias of the enclosing query that opts.column may refer to.
const ROW = 'sol013_f';
const V = `${ROW}.sol013_v`;
const OBJ_ROW = 'sol013_o';
const OBJ = `${OBJ_ROW}.sol013_obj`;
const V_TEXT = `(${V} #>> '{}')`;

const ORDERING_SQL: Partial<Record<FilterOp, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

export class Params {
  readonly values: unknown[] = [];
  constructor(private readonly first: number) {}
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.first + this.values.length - 1}`;
  }
}

/** A client mistake in one term; compileFilter turns it into INVALID_FILTER with the term's position. */
export class TermError extends Error {}

function termFailure(message: string): never {
  throw new TermError(message);
}

/** Parenthesise the column unless it is a plain (possibly qualified) identifier. */
export function columnSql(column: string): string {
  return /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)*$/.test(column) ? column : `(${column})`;
}

/**
 * jsonpath from the document root down the catalogue steps. Lax mode (the default):
 * a missing key yields nothing rather than an error. Keys are double-quoted so that
 * names like "size" or "type" are never read as jsonpath keywords; they are validated
 * identifiers, so they contain no '"' or '\'.
 */
function jsonPathOf(steps: PathStep[]): string {
  return '$' + steps.map((s) => `."${s.name}"${s.array ? '[*]' : ''}`).join('');
}

/** JSON document that contains leafJson at the attribute's path (for the @> operator). */
function containmentDocument(attr: ResolvedAttribute, leafJson: string): string {
  let json = leafJson;
  if (attr.kind === 'freeForm') {
    for (let k = attr.keys.length - 1; k >= 0; k--) json = `{${JSON.stringify(attr.keys[k])}:${json}}`;
  }
  for (let s = attr.steps.length - 1; s >= 0; s--) {
    const step = attr.steps[s];
    json = `{${JSON.stringify(step.name)}:${step.array ? `[${json}]` : json}}`;
  }
  return json;
}

/** FROM clause producing one row per value V reached by the attribute path. */
function valuesSource(col: string, attr: ResolvedAttribute, params: Params): string {
  const path = params.add(jsonPathOf(attr.steps));
  if (attr.kind !== 'freeForm') return `jsonb_path_query(${col}, ${path}::jsonpath) AS ${ROW}(sol013_v)`;
  // Below a free-form object the keys are followed with #> (exact, no lax-mode array
  // unwrapping), so cont/gt see the same values as the containment used by eq.
  // '$[*]' then yields a scalar itself or the elements of an array.
  const keys = params.add(attr.keys);
  return (
    `jsonb_path_query(${col}, ${path}::jsonpath) AS ${OBJ_ROW}(sol013_obj)` +
    ` CROSS JOIN LATERAL jsonb_path_query(${OBJ} #> ${keys}::text[], '$[*]') AS ${ROW}(sol013_v)`
  );
}

function exists(col: string, attr: ResolvedAttribute, params: Params, predicate: (p: Params) => string): string {
  const source = valuesSource(col, attr, params);
  return `EXISTS (SELECT 1 FROM ${source} WHERE ${predicate(params)})`;
}

/** Guards every cast: a value of another JSON type, or a malformed date-time, just does not match. */
function datetimeGuard(): string {
  return `jsonb_typeof(${V}) = 'string' AND ${V_TEXT} ~ '${DATETIME_PATTERN}'`;
}

function requireDateTime(attr: ResolvedAttribute, value: string): string {
  if (!isFilterDateTime(value)) {
    termFailure(
      `value ${quoteForMessage(value)} of "${attr.display}" is not a date-time; use RFC 3339 with an offset, e.g. 2024-05-01T12:00:00Z or 2024-05-01T14:00:00.5+02:00`,
    );
  }
  return value;
}

function requireNumber(attr: ResolvedAttribute, value: string, why = ''): string {
  const n = toJsonNumber(value);
  if (n === undefined) {
    termFailure(
      `value ${quoteForMessage(value)} of "${attr.display}" is not a finite decimal number${why} (e.g. 42, -1.5, 2e3)`,
    );
  }
  return n;
}

/** JSON texts that eq compares with: typed per catalogue, or every plausible reading for free-form data. */
function eqCandidates(attr: ResolvedAttribute, values: string[]): string[] {
  const out = new Set<string>();
  for (const value of values) {
    switch (attr.kind) {
      case 'string':
        out.add(JSON.stringify(value));
        break;
      case 'number':
        out.add(requireNumber(attr, value));
        break;
      case 'boolean': {
        const b = toBoolean(value);
        if (b === undefined) termFailure(`value ${quoteForMessage(value)} of "${attr.display}" is not a boolean; use true or false`);
        out.add(String(b));
        break;
      }
      case 'freeForm': {
        // Stored as whatever the client put there: match the string, and the number or
        // boolean the text spells, each as a scalar or as an element of an array.
        const readings = [JSON.stringify(value)];
        const n = toJsonNumber(value);
        if (n !== undefined) readings.push(n);
        const b = toBoolean(value);
        if (b !== undefined) readings.push(String(b));
        for (const r of readings) {
          out.add(r);
          out.add(`[${r}]`);
        }
        break;
      }
      default:
        // datetime: compared as timestamps by compileEq, never by containment.
        termFailure(`"${attr.display}" cannot be compared by containment`);
    }
  }
  return [...out];
}

/** The disjuncts of eq: any of them true means the record matches. */
function compileEq(col: string, attr: ResolvedAttribute, values: string[], params: Params): string[] {
  if (attr.kind === 'datetime') {
    const wanted = values.map((v) => requireDateTime(attr, v));
    return [
      exists(col, attr, params, (p) => {
        const x = p.add(wanted);
        return `CASE WHEN ${datetimeGuard()} THEN ${V_TEXT}::timestamptz = ANY (${x}::timestamptz[]) END`;
      }),
    ];
  }
  return eqCandidates(attr, values).map((leaf) => `${col} @> ${params.add(containmentDocument(attr, leaf))}::jsonb`);
}

function compileCont(col: string, attr: ResolvedAttribute, values: string[], params: Params): string {
  if (attr.kind !== 'string' && attr.kind !== 'freeForm') {
    termFailure(`operator "cont"/"ncont" applies to string attributes only, and "${attr.display}" is a ${attr.kind}`);
  }
  const patterns = [...new Set(values.map(containsPattern))];
  return exists(col, attr, params, (p) => `jsonb_typeof(${V}) = 'string' AND ${V_TEXT} LIKE ANY (${p.add(patterns)}::text[])`);
}

function compileOrdering(col: string, attr: ResolvedAttribute, op: FilterOp, value: string, params: Params): string {
  const sqlOp = ORDERING_SQL[op] as string;
  switch (attr.kind) {
    case 'number':
    case 'freeForm': {
      const n = requireNumber(attr, value, attr.kind === 'freeForm' ? ` (on free-form data, "${op}" compares numbers)` : '');
      return exists(
        col,
        attr,
        params,
        (p) => `CASE WHEN jsonb_typeof(${V}) = 'number' THEN ${V}::numeric ${sqlOp} ${p.add(n)}::numeric END`,
      );
    }
    case 'datetime': {
      const d = requireDateTime(attr, value);
      return exists(
        col,
        attr,
        params,
        (p) => `CASE WHEN ${datetimeGuard()} THEN ${V_TEXT}::timestamptz ${sqlOp} ${p.add(d)}::timestamptz END`,
      );
    }
    default:
      return termFailure(`operator "${op}" applies to number and date-time attributes only, and "${attr.display}" is a ${attr.kind}`);
  }
}

export function compileTerm(col: string, term: FilterTerm, catalogue: AttributeCatalogue, params: Params): string {
  if (term === null || typeof term !== 'object') termFailure('malformed term');
  if (!FILTER_OPS.includes(term.op)) termFailure(`unknown operator ${quoteForMessage(String(term.op))}`);
  const values = term.values;
  if (!Array.isArray(values) || values.length === 0) termFailure('the term has no value');
  for (const v of values) {
    if (typeof v !== 'string') termFailure('malformed value');
    const bad = findUnstorableChar(v);
    if (bad) termFailure(`value ${quoteForMessage(v)}: ${bad.reason}`);
  }
  const attr = resolveAttribute(term.path, catalogue);
  if (typeof attr === 'string') termFailure(attr);
  switch (term.op) {
    case 'eq': {
      const any = compileEq(col, attr, values, params);
      return any.length === 1 ? any[0] : `(${any.join(' OR ')})`;
    }
    case 'neq':
      // IS NOT TRUE rather than NOT: also true when the document itself is NULL.
      return `(${compileEq(col, attr, values, params).join(' OR ')}) IS NOT TRUE`;
    case 'cont':
      return compileCont(col, attr, values, params);
    case 'ncont':
      return `NOT ${compileCont(col, attr, values, params)}`;
    default:
      if (values.length !== 1) termFailure(`operator "${term.op}" takes exactly one value, but the term has ${values.length}`);
      return compileOrdering(col, attr, term.op, values[0], params);
  }
}
