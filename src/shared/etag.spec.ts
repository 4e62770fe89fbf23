import { etagOf, matchesIfMatch } from './etag';

describe('ETag / If-Match', () => {
  const tag = etagOf({ doc: { id: 'a' }, revision: 3 });
  it('matches *, the exact tag or a list containing it', () => {
    expect(matchesIfMatch('*', tag)).toBe(true);
    expect(matchesIfMatch(tag, tag)).toBe(true);
    expect(matchesIfMatch(`"x.1", ${tag}`, tag)).toBe(true);
  });
  it('refuses an older revision and weak tags', () => {
    expect(matchesIfMatch(etagOf({ doc: { id: 'a' }, revision: 2 }), tag)).toBe(false);
    expect(matchesIfMatch(`W/${tag}`, tag)).toBe(false);
  });
});
