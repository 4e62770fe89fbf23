import { NfvoError } from '../../shared/nfvo-error';
import type { AttributeCatalogue } from './attribute-catalogue';
import type { FilterExpr, FilterTerm } from './filter-ast';
import { columnSql, compileTerm, Params, TermError } from './compile-term';
import { MAX_FILTER_TERMS } from './parse-filter';

/**
 * Compiles a SOL013 cl. 5.2 attribute-based filter into a parameterised PostgreSQL
 * boolean expression over a JSONB column holding the resource representation.
 *
 * Neither values nor attribute names are ever written into the SQL text: values,
 * containment documents, jsonpath expressions and key paths are all bound parameters
 * ($n). The only inputs interpolated are opts.column (trusted, chosen by our code) and
 * constants of this file.
 *
 * SQL shapes (V = one value reached by the path, "any element" of every array on the way):
 *   eq    (string/number/boolean):   col @> $n::jsonb            [OR col @> $m::jsonb ...]
 *         (jsonb_path_ops GIN index usable; the document nests the value along the path,
 *          with arrays where the catalogue says array, so containment = "any element")
 *   eq    (datetime):  EXISTS (SELECT 1 FROM jsonb_path_query(col, $p::jsonpath) ... WHERE
 *                       <V is an RFC 3339 string> AND V::timestamptz = ANY ($x::timestamptz[]))
 *   neq / ncont:        (<eq>) IS NOT TRUE / NOT EXISTS (<cont>)  — cl. 5.2.2 negations, so a
 *                       record lacking the attribute matches
 *   cont  (string):     EXISTS (... WHERE V is a string AND V LIKE ANY ($x::text[]))
 *   gt/gte/lt/lte:      EXISTS (... WHERE CASE WHEN V is a number THEN V::numeric > $x::numeric END)
 *                       or the timestamptz equivalent for datetime attributes.
 * Free-form objects (userDefinedData, KeyValuePairs): eq tries each reading of the text
 * (string; number and boolean when it spells one), as a scalar or an array element; below
 * the free-form object, cont/gt follow the keys with #> $k::text[] (no array traversal).
 * Terms are ANDed; no term → TRUE.
 */
export interface CompileFilterOptions {
  /** Trusted SQL expression of the JSONB column, e.g. "t.doc". Never derived from a request. */
  column: string;
  /** Number of the first placeholder to use ($firstParam, $firstParam+1, ...). */
  firstParam: number;
}

export interface CompiledFilter {
  /** Boolean SQL expression, safe to AND/OR with other conditions without extra parentheses. */
  sql: string;
  /** Values for the placeholders $firstParam ... $firstParam+params.length-1, in order. */
  params: unknown[];
}

export function compileFilter(expr: FilterExpr, catalogue: AttributeCatalogue, opts: CompileFilterOptions): CompiledFilter {
  // Programming errors of the caller, not of the client: not INVALID_FILTER.
  if (!Number.isSafeInteger(opts.firstParam) || opts.firstParam < 1) {
    throw new RangeError(`compileFilter: firstParam must be a positive integer, got ${opts.firstParam}`);
  }
  if (typeof opts.column !== 'string' || opts.column.trim() === '') {
    throw new RangeError('compileFilter: column must be a non-empty SQL expression');
  }
  const terms: unknown = expr?.terms;
  if (!Array.isArray(terms)) throw new NfvoError('INVALID_FILTER', 'Invalid filter: malformed filter expression');
  if (terms.length > MAX_FILTER_TERMS) {
    throw new NfvoError('INVALID_FILTER', `Invalid filter: more than ${MAX_FILTER_TERMS} terms; at most ${MAX_FILTER_TERMS} are accepted`);
  }
  if (terms.length === 0) return { sql: 'TRUE', params: [] };

  const col = columnSql(opts.column);
  const params = new Params(opts.firstParam);
  const parts = (terms as FilterTerm[]).map((term, index) => {
    try {
      return compileTerm(col, term, catalogue, params);
    } catch (e) {
      if (!(e instanceof TermError)) throw e;
      const where = typeof term?.position === 'number' ? ` at position ${term.position}` : '';
      throw new NfvoError('INVALID_FILTER', `Invalid filter, term ${index + 1}${where}: ${e.message}`);
    }
  });
  // Terms are ANDed (cl. 5.2.2); parenthesised so the result can be embedded anywhere.
  return { sql: parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`, params: params.values };
}
