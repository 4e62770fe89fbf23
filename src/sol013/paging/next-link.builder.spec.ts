import { nextLink } from './next-link.builder';

/** Reads the URI back out of a Link header value, as a client would. */
const uriOf = (header: string) => {
  const m = /^<([^<>]*)>; rel="next"$/.exec(header);
  if (!m) throw new Error(`not a next Link: ${header}`);
  return new URL(m[1]);
};

describe('nextLink (SOL013 cl. 5.4.2.1)', () => {
  const base = 'https://nfvo.example/nslcm/v2/ns_instances';

  it('builds the Link header with the marker as the last parameter', () => {
    expect(nextLink(base, {}, 'abc_-1')).toBe('<https://nfvo.example/nslcm/v2/ns_instances?nextpage_opaque_marker=abc_-1>; rel="next"');
  });

  it('keeps the original filter and selectors, percent-encoded, and replaces an old marker', () => {
    const query = {
      filter: "(eq,nsInstanceName,'a,b;c');(cont,_links/self/href,x<y>)",
      fields: 'vnfInstance/vnfProductName,_links',
      exclude_default: '',
      nextpage_opaque_marker: 'old',
    };
    const header = nextLink(base, query, 'new');
    expect(header).not.toMatch(/[<>].*[<>].*[<>]/); // only the enclosing angle brackets
    expect(header).toContain('&exclude_default&');
    const url = uriOf(header);
    expect(url.origin + url.pathname).toBe(base);
    expect(url.searchParams.get('filter')).toBe(query.filter);
    expect(url.searchParams.get('fields')).toBe(query.fields);
    expect(url.searchParams.get('exclude_default')).toBe('');
    expect(url.searchParams.getAll('nextpage_opaque_marker')).toEqual(['new']);
    expect([...url.searchParams.keys()]).toEqual(['filter', 'fields', 'exclude_default', 'nextpage_opaque_marker']);
  });

  it('repeats repeated parameters, writes nested ones qs-style and skips absent ones', () => {
    const url = uriOf(nextLink(base, { tag: ['a', 'b'], opt: { x: '1' }, gone: undefined, n: 5 }, 'm'));
    expect(url.searchParams.getAll('tag')).toEqual(['a', 'b']);
    expect(url.searchParams.get('opt[x]')).toBe('1');
    expect(url.searchParams.has('gone')).toBe(false);
    expect(url.searchParams.get('n')).toBe('5');
  });

  it('ignores a query or fragment already in the base URL', () => {
    expect(nextLink(`${base}?filter=old#frag`, { fields: 'a' }, 'm')).toBe(`<${base}?fields=a&nextpage_opaque_marker=m>; rel="next"`);
  });

  it('encodes a marker with characters outside base64url', () => {
    expect(uriOf(nextLink(base, {}, 'a+b/c=')).searchParams.get('nextpage_opaque_marker')).toBe('a+b/c=');
  });
});
