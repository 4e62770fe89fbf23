import { NfvoError } from '../../shared/nfvo-error';
import { MAX_FILTER_LENGTH, MAX_FILTER_TERMS, parseFilter } from './parse-filter';

/** Runs fn and returns the NfvoError it throws (failing if it throws anything else). */
function filterError(fn: () => unknown): NfvoError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(NfvoError);
    expect((e as NfvoError).code).toBe('INVALID_FILTER');
    return e as NfvoError;
  }
  throw new Error('expected an INVALID_FILTER error');
}

const terms = (text: string) => parseFilter(text).terms.map(({ op, path, values }) => ({ op, path, values }));

describe('parseFilter (SOL013 cl. 5.2.2)', () => {
  it.each([
    ['eq', 'eq'],
    ['neq', 'neq'],
    ['gt', 'gt'],
    ['gte', 'gte'],
    ['lt', 'lt'],
    ['lte', 'lte'],
    ['cont', 'cont'],
    ['ncont', 'ncont'],
    ['in', 'eq'],
    ['nin', 'neq'],
  ])('parses operator %s as %s', (written, op) => {
    expect(terms(`(${written},priority,5)`)).toEqual([{ op, path: ['priority'], values: ['5'] }]);
  });

  it('parses nested attribute paths and several terms, with positions', () => {
    const expr = parseFilter('(eq,vnfInstance/instantiatedVnfInfo/vnfState,STARTED);(neq,nsState,NOT_INSTANTIATED)');
    expect(expr.terms).toEqual([
      { op: 'eq', path: ['vnfInstance', 'instantiatedVnfInfo', 'vnfState'], values: ['STARTED'], position: 1 },
      { op: 'neq', path: ['nsState'], values: ['NOT_INSTANTIATED'], position: 55 },
    ]);
  });

  it('parses value lists for eq, neq, cont and ncont', () => {
    expect(terms('(eq,id,a,b,c)')[0].values).toEqual(['a', 'b', 'c']);
    expect(terms('(neq,id,a,b)')[0].values).toEqual(['a', 'b']);
    expect(terms('(cont,id,x,y)')[0].values).toEqual(['x', 'y']);
    expect(terms('(ncont,id,x,y)')[0].values).toEqual(['x', 'y']);
  });

  it('unquotes single-quoted values containing , ) ; and \'\'', () => {
    expect(terms("(eq,name,'a,b','c)d','e;f','O''Brien','''','')")[0].values).toEqual([
      'a,b',
      'c)d',
      'e;f',
      "O'Brien",
      "'",
      '',
    ]);
  });

  it('keeps other characters of unquoted values verbatim', () => {
    expect(terms('(eq,name,a b/c(d*%_\\é😀)')[0].values).toEqual(['a b/c(d*%_\\é😀']);
  });

  it('mixes quoted and unquoted values', () => {
    expect(terms("(eq,name,x,'y,z',w)")[0].values).toEqual(['x', 'y,z', 'w']);
  });

  it.each([
    ['', /empty/],
    ['eq,id,1', /position 1: expected '\(' to open a term, but found "e"/],
    ['(eq,id,1', /position 1: the term starting here is not closed/],
    ['(eq,id,1);', /position 11: the filter ends with ';'/],
    ['(eq,id,1)(eq,id,2)', /position 10: expected ';'/],
    ['(eq,id,1);;(eq,id,2)', /position 11: expected '\('/],
    ['(,id,1)', /position 2: missing operator/],
    ['(EQ,id,1)', /position 2: unknown operator "EQ"; supported operators: eq, neq/],
    ['(like,id,1)', /position 2: unknown operator "like"/],
    ['(eq)', /position 4: expected ',' after the operator/],
    ['(eq', /position 4: the filter ends too early/],
    ['(eq,,1)', /position 5: missing attribute name/],
    ['(eq,id)', /position 7: attribute "id" has no value/],
    ['(eq,id', /position 1: the term starting here is not closed/],
    ['(eq,a//b,1)', /position 7: missing attribute name/],
    ['(eq,a/,1)', /position 7: missing attribute name/],
    ['(eq,1a,1)', /position 5: attribute name "1a" is not valid/],
    ['(eq,a-b,1)', /position 5: attribute name "a-b" is not valid/],
    ['(eq,a.b,1)', /position 5: attribute name "a.b" is not valid/],
    ['(eq, id,1)', /position 5: attribute name " id" is not valid/],
    ['(eq,a"],1)', /position 5: attribute name "a\\"]" is not valid/],
    ['(eq,a(b,1)', /position 6: unexpected "\(" in an attribute name/],
    ['(eq,id,)', /position 8: empty value; write '' for an empty string/],
    ['(eq,id,a,)', /position 10: empty value/],
    ['(eq,id,a,,b)', /position 10: empty value/],
    ["(eq,id,O'Brien)", /position 9: a value containing ' must be enclosed in single quotes/],
    ["(eq,id,'abc)", /position 8: unterminated quoted value/],
    ["(eq,id,'a'b)", /position 11: expected ',' or '\)' after the quoted value, but found "b"/],
    ["(eq,id,'a'", /position 1: the term starting here is not closed/],
    ['(eq,id,a;(eq,id,b)', /position 9: ';' inside a value/],
    ['(gt,priority,1,2)', /position 1: operator "gt" takes exactly one value, but the term has 2/],
    ['(lte,priority,1,2,3)', /operator "lte" takes exactly one value/],
    ['(eq,id,a\u0000b)', /position 9: the NUL character/],
    ['(eq,id,\ud800)', /position 8: unpaired UTF-16 surrogate/],
    ['(eq,id,\udc00x)', /position 8: unpaired UTF-16 surrogate/],
  ])('rejects %j with a positioned message', (text, message) => {
    expect(filterError(() => parseFilter(text)).detail).toMatch(message);
  });

  it('accepts a well-formed surrogate pair', () => {
    expect(terms('(eq,id,\ud83d\ude00)')[0].values).toEqual(['😀']);
  });

  it(`rejects more than ${MAX_FILTER_TERMS} terms and texts over ${MAX_FILTER_LENGTH} characters`, () => {
    const term = '(eq,id,1)';
    expect(parseFilter(Array(MAX_FILTER_TERMS).fill(term).join(';')).terms).toHaveLength(MAX_FILTER_TERMS);
    expect(filterError(() => parseFilter(Array(MAX_FILTER_TERMS + 1).fill(term).join(';'))).detail).toMatch(
      /position 321: more than 32 terms/,
    );
    const longest = `(eq,id,${'x'.repeat(MAX_FILTER_LENGTH - 8)})`;
    expect(longest).toHaveLength(MAX_FILTER_LENGTH);
    expect(parseFilter(longest).terms[0].values[0]).toHaveLength(MAX_FILTER_LENGTH - 8);
    expect(filterError(() => parseFilter(`${longest} `)).detail).toMatch(/4097 characters long; at most 4096/);
  });

  it('rejects a non-string (a repeated query parameter arrives as an array)', () => {
    expect(filterError(() => parseFilter(['(eq,id,1)', '(eq,id,2)'] as unknown as string)).detail).toMatch(/given once/);
    expect(filterError(() => parseFilter(undefined as unknown as string)).code).toBe('INVALID_FILTER');
  });

  it('does not resolve operator names through Object.prototype', () => {
    expect(filterError(() => parseFilter('(constructor,id,1)')).detail).toMatch(/unknown operator "constructor"/);
    expect(filterError(() => parseFilter('(__proto__,id,1)')).detail).toMatch(/unknown operator "__proto__"/);
  });

  it('truncates long echoes of client text in messages', () => {
    const detail = filterError(() => parseFilter(`(${'x'.repeat(500)},id,1)`)).detail;
    expect(detail.length).toBeLessThan(200);
  });
});
