import { effectiveScopes, scopeSatisfies } from './scopes';

describe('scopes', () => {
  it('grants writes only with the full API scope and reads with either', () => {
    expect(scopeSatisfies(['nsd'], 'nsd', 'POST')).toBe(true);
    expect(scopeSatisfies(['nsd:read'], 'nsd', 'GET')).toBe(true);
    expect(scopeSatisfies(['nsd:read'], 'nsd', 'PATCH')).toBe(false);
    expect(scopeSatisfies(['nslcm'], 'nsd', 'GET')).toBe(false);
  });
  it('gives every scope to a client configured without scopes', () => {
    expect(effectiveScopes([])).toEqual(expect.arrayContaining(['nsd', 'nslcm', 'vnfpkgm:read']));
    expect(effectiveScopes(['nsd'])).toEqual(['nsd']);
  });
});
