import { NfvoError } from '../../shared/nfvo-error';
import { parseSelectors, selectionToQuery } from './selector-query.parser';

const invalid = (query: Record<string, unknown>): NfvoError => {
  try {
    parseSelectors(query);
  } catch (e) {
    expect(e).toBeInstanceOf(NfvoError);
    expect((e as NfvoError).code).toBe('INVALID_SELECTOR');
    return e as NfvoError;
  }
  throw new Error(`expected INVALID_SELECTOR for ${JSON.stringify(query)}`);
};

describe('parseSelectors (SOL013 cl. 5.3)', () => {
  it('treats no selector as exclude_default, marked implicit', () => {
    expect(parseSelectors({})).toEqual({ kind: 'exclude_default', implicit: true });
    expect(parseSelectors({ filter: '(eq,id,1)', all_fields: undefined })).toEqual({ kind: 'exclude_default', implicit: true });
  });

  it('reads the flags all_fields and exclude_default given without value', () => {
    expect(parseSelectors({ all_fields: '' })).toEqual({ kind: 'all_fields' });
    expect(parseSelectors({ exclude_default: '' })).toEqual({ kind: 'exclude_default', implicit: false });
  });

  it.each(['all_fields', 'exclude_default'])('rejects a value on the flag %s', (flag) => {
    expect(invalid({ [flag]: 'true' }).detail).toMatch(new RegExp(`${flag} takes no value`));
  });

  it('splits fields and exclude_fields into paths at "," and "/"', () => {
    expect(parseSelectors({ fields: 'nsdName,_links/self,vnfInstance/instantiatedVnfInfo/extCpInfo' })).toEqual({
      kind: 'fields',
      fields: [['nsdName'], ['_links', 'self'], ['vnfInstance', 'instantiatedVnfInfo', 'extCpInfo']],
      excludeDefault: false,
    });
    expect(parseSelectors({ exclude_fields: 'userDefinedData' })).toEqual({ kind: 'exclude_fields', excludeFields: [['userDefinedData']] });
  });

  it('lists a repeated name once', () => {
    expect(parseSelectors({ fields: 'a,b,a' })).toEqual({ kind: 'fields', fields: [['a'], ['b']], excludeDefault: false });
  });

  it('accepts fields together with exclude_default', () => {
    expect(parseSelectors({ fields: 'a', exclude_default: '' })).toEqual({ kind: 'fields', fields: [['a']], excludeDefault: true });
  });

  it.each([
    [{ all_fields: '', fields: 'a' }, 'all_fields, fields'],
    [{ all_fields: '', exclude_default: '' }, 'all_fields, exclude_default'],
    [{ all_fields: '', exclude_fields: 'a' }, 'all_fields, exclude_fields'],
    [{ fields: 'a', exclude_fields: 'b' }, 'fields, exclude_fields'],
    [{ exclude_fields: 'a', exclude_default: '' }, 'exclude_fields, exclude_default'],
    [{ fields: 'a', exclude_fields: 'b', exclude_default: '' }, 'fields, exclude_fields, exclude_default'],
  ])('rejects the combination %j naming the parameters', (query, names) => {
    expect(invalid(query).detail).toContain(`${names} cannot be combined`);
  });

  it('rejects a repeated parameter', () => {
    expect(invalid({ fields: ['a', 'b'] }).detail).toMatch(/fields appears 2 times/);
    expect(invalid({ all_fields: ['', ''] }).detail).toMatch(/all_fields appears 2 times/);
  });

  it('rejects a structured (qs bracket) value', () => {
    expect(invalid({ fields: { a: 'b' } }).detail).toMatch(/fields must be a plain query value/);
  });

  it('rejects an empty fields= and exclude_fields=', () => {
    expect(invalid({ fields: '' }).detail).toMatch(/^fields needs a comma-separated list/);
    expect(invalid({ exclude_fields: '' }).detail).toMatch(/^exclude_fields needs a comma-separated list/);
  });

  it.each([
    ['a,,b', '(empty entry)'],
    ['a,', '(empty entry)'],
    ['a//b', '"a//b"'],
    ['/a', '"/a"'],
    ['a/', '"a/"'],
    ['1abc', '"1abc"'],
    ['a-b', '"a-b"'],
    ['a b', '"a b"'],
    ['a.b', '"a.b"'],
  ])('rejects the attribute list %s naming %s', (text, named) => {
    const e = invalid({ fields: text });
    expect(e.detail).toContain('fields has invalid attribute name(s)');
    expect(e.detail).toContain(named);
  });

  it('ignores other query parameters', () => {
    expect(parseSelectors({ filter: '(eq,a,b)', nextpage_opaque_marker: 'x', fields: 'a' }).kind).toBe('fields');
  });

  it('round-trips through selectionToQuery', () => {
    for (const q of [{}, { all_fields: '' }, { exclude_default: '' }, { fields: 'a,b/c' }, { fields: 'a', exclude_default: '' }, { exclude_fields: 'x/y' }]) {
      expect(selectionToQuery(parseSelectors(q))).toEqual(q);
    }
  });
});
