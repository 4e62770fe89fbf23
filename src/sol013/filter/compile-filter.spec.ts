import { NfvoError } from '../../shared/nfvo-error';
import type { FilterExpr, FilterTerm } from './filter-ast';
import { compileFilter } from './compile-filter';
import { parseFilter } from './parse-filter';
import { NS_CATALOGUE } from './test-catalogue.fixture';

const OPTS = { column: 't.doc', firstParam: 5 };
const compile = (text: string, opts = OPTS) => compileFilter(parseFilter(text), NS_CATALOGUE, opts);
const compileTerms = (terms: FilterTerm[]) => compileFilter({ terms }, NS_CATALOGUE, OPTS);

function filterError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(NfvoError);
    expect((e as NfvoError).code).toBe('INVALID_FILTER');
    return (e as NfvoError).detail;
  }
  throw new Error('expected an INVALID_FILTER error');
}

/** The placeholders used in the SQL, in order of appearance. */
const placeholders = (sql: string) => [...sql.matchAll(/\$(\d+)(?![\d\[])/g)].map((m) => Number(m[1]));

describe('compileFilter: SQL shapes (SOL013 cl. 5.2.2)', () => {
  it('compiles an empty expression to TRUE', () => {
    expect(compileFilter({ terms: [] }, NS_CATALOGUE, OPTS)).toEqual({ sql: 'TRUE', params: [] });
  });

  it('compiles eq on a string to containment', () => {
    expect(compile('(eq,nsState,STARTED)')).toEqual({ sql: 't.doc @> $5::jsonb', params: ['{"nsState":"STARTED"}'] });
  });

  it('wraps the value in an array where the catalogue says array', () => {
    expect(compile('(eq,vnfPkgIds,p1)').params).toEqual(['{"vnfPkgIds":["p1"]}']);
    expect(compile('(eq,vnfInstance/instantiatedVnfInfo/scaleStatus/aspectId,a1)').params).toEqual([
      '{"vnfInstance":[{"instantiatedVnfInfo":{"scaleStatus":[{"aspectId":"a1"}]}}]}',
    ]);
    expect(compile('(eq,_links/self/href,http://x/y)').params).toEqual(['{"_links":{"self":{"href":"http://x/y"}}}']);
  });

  it('compiles several eq values to OR of containments (duplicates dropped)', () => {
    expect(compile('(eq,nsState,A,B,A)')).toEqual({
      sql: '(t.doc @> $5::jsonb OR t.doc @> $6::jsonb)',
      params: ['{"nsState":"A"}', '{"nsState":"B"}'],
    });
  });

  it('embeds numbers and booleans as JSON of the attribute type', () => {
    expect(compile('(eq,priority,+007.50,-1e3,12345678901234567890123)').params).toEqual([
      '{"priority":7.50}',
      '{"priority":-1e3}',
      '{"priority":12345678901234567890123}',
    ]);
    expect(compile('(eq,enabled,true)').params).toEqual(['{"enabled":true}']);
    expect(compile('(eq,vnfInstance/instantiatedVnfInfo/scaleStatus/scaleLevel,3)').params).toEqual([
      '{"vnfInstance":[{"instantiatedVnfInfo":{"scaleStatus":[{"scaleLevel":3}]}}]}',
    ]);
  });

  it('matches free-form values as stored: string, number or boolean, scalar or array element', () => {
    expect(compile('(eq,userDefinedData/site,paris)').params).toEqual([
      '{"userDefinedData":{"site":"paris"}}',
      '{"userDefinedData":{"site":["paris"]}}',
    ]);
    expect(compile('(eq,userDefinedData/a/b,5)').params).toEqual([
      '{"userDefinedData":{"a":{"b":"5"}}}',
      '{"userDefinedData":{"a":{"b":["5"]}}}',
      '{"userDefinedData":{"a":{"b":5}}}',
      '{"userDefinedData":{"a":{"b":[5]}}}',
    ]);
    expect(compile('(eq,vnfInstance/metadata/flag,true)').params).toEqual([
      '{"vnfInstance":[{"metadata":{"flag":"true"}}]}',
      '{"vnfInstance":[{"metadata":{"flag":["true"]}}]}',
      '{"vnfInstance":[{"metadata":{"flag":true}}]}',
      '{"vnfInstance":[{"metadata":{"flag":[true]}}]}',
    ]);
  });

  it('compiles eq on a date-time to a timestamp comparison', () => {
    const { sql, params } = compile('(eq,createdAt,2024-01-01T00:00:00Z,2024-01-01T02:00:00+02:00)');
    expect(sql).toMatch(/^EXISTS \(SELECT 1 FROM jsonb_path_query\(t\.doc, \$5::jsonpath\) AS sol013_f\(sol013_v\) WHERE CASE WHEN /);
    expect(sql).toContain('::timestamptz = ANY ($6::timestamptz[]) END)');
    expect(params).toEqual(['$."createdAt"', ['2024-01-01T00:00:00Z', '2024-01-01T02:00:00+02:00']]);
  });

  it('compiles neq as the negation of eq', () => {
    expect(compile('(neq,nsState,A)').sql).toBe('(t.doc @> $5::jsonb) IS NOT TRUE');
    expect(compile('(neq,nsState,A,B)').sql).toBe('(t.doc @> $5::jsonb OR t.doc @> $6::jsonb) IS NOT TRUE');
    expect(compile('(nin,nsState,A)').sql).toBe('(t.doc @> $5::jsonb) IS NOT TRUE');
  });

  it('compiles cont to LIKE over the values reached by a jsonpath, escaping wildcards', () => {
    expect(compile('(cont,vnfInstance/vnfProductName,50%_a\\b,x)')).toEqual({
      sql:
        "EXISTS (SELECT 1 FROM jsonb_path_query(t.doc, $5::jsonpath) AS sol013_f(sol013_v) WHERE jsonb_typeof(sol013_f.sol013_v) = 'string'" +
        " AND (sol013_f.sol013_v #>> '{}') LIKE ANY ($6::text[]))",
      params: ['$."vnfInstance"[*]."vnfProductName"', ['%50\\%\\_a\\\\b%', '%x%']],
    });
    expect(compile('(ncont,vnfPkgIds,x)')).toEqual({
      sql:
        "NOT EXISTS (SELECT 1 FROM jsonb_path_query(t.doc, $5::jsonpath) AS sol013_f(sol013_v) WHERE jsonb_typeof(sol013_f.sol013_v) = 'string'" +
        " AND (sol013_f.sol013_v #>> '{}') LIKE ANY ($6::text[]))",
      params: ['$."vnfPkgIds"[*]', ['%x%']],
    });
  });

  it('follows keys below a free-form object with #> and a text[] parameter', () => {
    const { sql, params } = compile('(cont,vnfInstance/metadata/a/b,x)');
    expect(sql).toBe(
      'EXISTS (SELECT 1 FROM jsonb_path_query(t.doc, $5::jsonpath) AS sol013_o(sol013_obj)' +
        " CROSS JOIN LATERAL jsonb_path_query(sol013_o.sol013_obj #> $6::text[], '$[*]') AS sol013_f(sol013_v)" +
        " WHERE jsonb_typeof(sol013_f.sol013_v) = 'string' AND (sol013_f.sol013_v #>> '{}') LIKE ANY ($7::text[]))",
    );
    expect(params).toEqual(['$."vnfInstance"[*]."metadata"', ['a', 'b'], ['%x%']]);
  });

  it.each([
    ['gt', '>'],
    ['gte', '>='],
    ['lt', '<'],
    ['lte', '<='],
  ])('compiles %s on a number to a guarded numeric comparison', (op, sqlOp) => {
    expect(compile(`(${op},vnfInstance/instantiatedVnfInfo/scaleStatus/scaleLevel,2.5)`)).toEqual({
      sql:
        'EXISTS (SELECT 1 FROM jsonb_path_query(t.doc, $5::jsonpath) AS sol013_f(sol013_v) WHERE CASE WHEN' +
        ` jsonb_typeof(sol013_f.sol013_v) = 'number' THEN sol013_f.sol013_v::numeric ${sqlOp} $6::numeric END)`,
      params: ['$."vnfInstance"[*]."instantiatedVnfInfo"."scaleStatus"[*]."scaleLevel"', '2.5'],
    });
  });

  it('compiles gt on a date-time to a guarded timestamptz comparison', () => {
    const { sql, params } = compile('(gt,createdAt,2024-01-01T00:00:00.5+01:00)');
    expect(sql).toContain("WHERE CASE WHEN jsonb_typeof(sol013_f.sol013_v) = 'string' AND (sol013_f.sol013_v #>> '{}') ~ '^");
    expect(sql).toContain("THEN (sol013_f.sol013_v #>> '{}')::timestamptz > $6::timestamptz END)");
    expect(params).toEqual(['$."createdAt"', '2024-01-01T00:00:00.5+01:00']);
  });

  it('compiles gt on free-form data to a numeric comparison', () => {
    expect(compile('(gt,userDefinedData/load,10)').params).toEqual(['$."userDefinedData"', ['load'], '10']);
  });

  it('ANDs terms, numbers placeholders from firstParam in order, and never puts values or names in the SQL', () => {
    const text =
      "(eq,nsState,SENTINEL1,SENTINEL2);(neq,userDefinedData/SENTINELKEY,SENTINEL3);(cont,nsInstanceName,'SENTINEL4');(gt,priority,42);(lt,createdAt,2030-01-01T00:00:00Z)";
    const { sql, params } = compile(text, { column: 'x.doc', firstParam: 7 });
    expect(sql.startsWith('(') && sql.endsWith(')')).toBe(true);
    expect(sql.split(' AND ').length).toBeGreaterThanOrEqual(5);
    expect(placeholders(sql)).toEqual(params.map((_, i) => 7 + i));
    expect(sql).not.toMatch(/SENTINEL|nsState|nsInstanceName|priority|createdAt|42|2030/);
  });

  it('parenthesises a column that is not a plain identifier', () => {
    expect(compile('(eq,id,1)', { column: "t.data -> 'doc'", firstParam: 1 }).sql).toBe("(t.data -> 'doc') @> $1::jsonb");
    expect(compile('(eq,id,1)', { column: 'doc', firstParam: 1 }).sql).toBe('doc @> $1::jsonb');
  });

  it('rejects caller mistakes with RangeError, not INVALID_FILTER', () => {
    expect(() => compile('(eq,id,1)', { column: 't.doc', firstParam: 0 })).toThrow(RangeError);
    expect(() => compile('(eq,id,1)', { column: 't.doc', firstParam: 1.5 })).toThrow(RangeError);
    expect(() => compile('(eq,id,1)', { column: ' ', firstParam: 1 })).toThrow(RangeError);
  });
});

describe('compileFilter: errors', () => {
  it.each([
    ['(eq,nope,1)', /term 1 at position 1: attribute "nope" is not supported for filtering on this resource$/],
    ['(eq,id,1);(eq,vnfInstance/foo/bar,1)', /term 2 at position 11: attribute "vnfInstance\/foo\/bar" is not supported .*"vnfInstance" has no attribute "foo"/],
    ['(eq,vnfInstance,1)', /"vnfInstance" is an object and cannot be compared with a value; filter on one of its attributes, e.g. "vnfInstance\/id"/],
    ['(eq,vnfInstance/instantiatedVnfInfo,1)', /"vnfInstance\/instantiatedVnfInfo" is an object/],
    ['(eq,userDefinedData,1)', /"userDefinedData" is an object with free-form content; filter on a key inside it/],
    ['(eq,nsState/x,1)', /"nsState" is a string and has no attribute "x"/],
    ['(eq,constructor,1)', /attribute "constructor" is not supported/],
    ['(eq,toString,1)', /attribute "toString" is not supported/],
    ['(eq,__proto__,1)', /attribute "__proto__" is not supported/],
    ['(eq,vnfInstance/hasOwnProperty,1)', /"vnfInstance" has no attribute "hasOwnProperty"/],
    ['(eq,priority,abc)', /value "abc" of "priority" is not a finite decimal number/],
    ['(eq,priority,NaN)', /not a finite decimal number/],
    ['(eq,priority,Infinity)', /not a finite decimal number/],
    ['(eq,priority,1e999)', /not a finite decimal number/],
    ['(eq,priority,1e-5000)', /not a finite decimal number/],
    ['(eq,priority,0x10)', /not a finite decimal number/],
    ['(eq,priority,.5)', /not a finite decimal number/],
    ['(eq,priority, 1)', /not a finite decimal number/],
    ['(gt,priority,)', /empty value/],
    ['(eq,enabled,TRUE)', /value "TRUE" of "enabled" is not a boolean; use true or false/],
    ['(eq,enabled,1)', /not a boolean/],
    ['(gt,createdAt,2024-02-30T00:00:00Z)', /value "2024-02-30T00:00:00Z" of "createdAt" is not a date-time; use RFC 3339/],
    ['(gt,createdAt,2023-02-29T00:00:00Z)', /not a date-time/],
    ['(gt,createdAt,1900-02-29T00:00:00Z)', /not a date-time/],
    ['(gt,createdAt,2024-01-01)', /not a date-time/],
    ['(gt,createdAt,2024-01-01T00:00:00)', /not a date-time/],
    ['(gt,createdAt,2024-01-01T24:00:00Z)', /not a date-time/],
    ['(gt,createdAt,0000-01-01T00:00:00Z)', /not a date-time/],
    ['(gt,createdAt,2024-01-01T00:00:00+15:00)', /not a date-time/],
    ['(eq,createdAt,2024-01-01T00:00:00Z,yesterday)', /value "yesterday" of "createdAt" is not a date-time/],
    ['(cont,priority,1)', /operator "cont"\/"ncont" applies to string attributes only, and "priority" is a number/],
    ['(ncont,createdAt,2024)', /applies to string attributes only, and "createdAt" is a datetime/],
    ['(gt,nsState,A)', /operator "gt" applies to number and date-time attributes only, and "nsState" is a string/],
    ['(lte,enabled,true)', /operator "lte" applies to number and date-time attributes only, and "enabled" is a boolean/],
    ['(gt,userDefinedData/x,abc)', /value "abc" of "userDefinedData\/x" is not a finite decimal number \(on free-form data, "gt" compares numbers\)/],
  ])('%s → %s', (text, message) => {
    expect(filterError(() => compile(text))).toMatch(message);
  });

  it('accepts the date-time edge cases PostgreSQL accepts', () => {
    for (const d of [
      '2024-02-29T00:00:00Z',
      '2000-02-29T23:59:59.999999999-14:59',
      '0001-01-01T00:00:00z',
      '9999-12-31 23:59:59+14:00',
      '0400-02-29t00:00:00Z',
    ]) {
      expect(() => compile(`(gt,createdAt,'${d}')`)).not.toThrow();
    }
  });

  it('validates an AST that did not come from parseFilter', () => {
    const term = (t: Partial<FilterTerm>): FilterTerm => ({ op: 'eq', path: ['id'], values: ['1'], ...t });
    expect(filterError(() => compileTerms([term({ path: ['id"]'] })]))).toMatch(/term 1: attribute name "id\\"]" is not valid/);
    expect(filterError(() => compileTerms([term({ path: [] })]))).toMatch(/missing attribute name/);
    expect(filterError(() => compileTerms([term({ values: [] })]))).toMatch(/no value/);
    expect(filterError(() => compileTerms([term({ values: ['a\u0000'] })]))).toMatch(/NUL/);
    expect(filterError(() => compileTerms([term({ values: ['\ud800'] })]))).toMatch(/surrogate/);
    expect(filterError(() => compileTerms([term({ op: 'like' as never })]))).toMatch(/unknown operator "like"/);
    expect(filterError(() => compileTerms([term({ op: 'gt', path: ['priority'], values: ['1', '2'] })]))).toMatch(
      /exactly one value/,
    );
    expect(filterError(() => compileTerms(Array(33).fill(term({}))))).toMatch(/more than 32 terms/);
    expect(filterError(() => compileFilter({} as FilterExpr, NS_CATALOGUE, OPTS))).toMatch(/malformed/);
    expect(filterError(() => compileTerms([null as unknown as FilterTerm]))).toMatch(/malformed term/);
  });
});
