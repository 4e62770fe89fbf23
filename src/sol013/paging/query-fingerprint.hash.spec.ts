import { queryFingerprint } from './query-fingerprint.hash';

describe('queryFingerprint', () => {
  const q = { filter: '(eq,nsState,INSTANTIATED)', fields: 'vnfInstance', exclude_default: '' };

  it('is a sha256 hex digest', () => {
    expect(queryFingerprint(q)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on parameter order', () => {
    expect(queryFingerprint({ exclude_default: '', fields: 'vnfInstance', filter: '(eq,nsState,INSTANTIATED)' })).toBe(queryFingerprint(q));
  });

  it('ignores nextpage_opaque_marker and absent parameters', () => {
    expect(queryFingerprint({ ...q, nextpage_opaque_marker: 'abc', all_fields: undefined })).toBe(queryFingerprint(q));
  });

  it('changes with any parameter name or value', () => {
    const base = queryFingerprint(q);
    expect(queryFingerprint({ ...q, filter: '(eq,nsState,NOT_INSTANTIATED)' })).not.toBe(base);
    expect(queryFingerprint({ ...q, exclude_default: undefined })).not.toBe(base);
    expect(queryFingerprint({ ...q, extra: '' })).not.toBe(base);
    expect(queryFingerprint({})).not.toBe(base);
  });

  it('keeps the order of repeated values and separates list items from joined text', () => {
    expect(queryFingerprint({ a: ['x', 'y'] })).not.toBe(queryFingerprint({ a: ['y', 'x'] }));
    expect(queryFingerprint({ a: ['x', 'y'] })).not.toBe(queryFingerprint({ a: 'x,y' }));
    expect(queryFingerprint({ a: 'x' })).toBe(queryFingerprint({ a: ['x'] }));
  });

  it('is not fooled by a flag versus a value, or by nested values', () => {
    expect(queryFingerprint({ all_fields: '' })).not.toBe(queryFingerprint({ all_fields: 'true' }));
    expect(queryFingerprint({ a: { b: 'c', d: 'e' } })).toBe(queryFingerprint({ a: { d: 'e', b: 'c' } }));
    expect(queryFingerprint({ a: { b: 'c' } })).not.toBe(queryFingerprint({ 'a[b]': 'c' }));
  });

  it('binds to a scope such as the collection path', () => {
    expect(queryFingerprint(q, '/nsd/v2/ns_descriptors')).not.toBe(queryFingerprint(q, '/vnfpkgm/v2/vnf_packages'));
    expect(queryFingerprint(q, '')).toBe(queryFingerprint(q));
  });
});
