import fc from 'fast-check';
import { startTestApp, type TestApp } from '../support/test-app';

/** Thousands of random filters and query strings against the list endpoint: 4xx is fine, 5xx never. */
describe('GET /nsd/v2/ns_descriptors under random queries', () => {
  let a: TestApp;
  let auth: Record<string, string>;

  beforeAll(async () => {
    a = await startTestApp({ NFVO_PAGE_SIZE: '3' });
    auth = { Authorization: `Bearer ${await a.token()}`, Version: '2.12.0' };
    for (let i = 0; i < 5; i++) {
      await a.http.post('/nsd/v2/ns_descriptors').set(auth).send({ userDefinedData: { i, name: `n${i}`, list: [i, `x${i}`], nested: { deep: i % 2 === 0 } } });
    }
  });
  afterAll(() => a?.close());

  const atoms = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'cont', 'ncont', 'in', 'nin', 'nsdName', 'userDefinedData', 'nested', 'deep', 'list', 'i', 'id', '_links', 'vnfPkgIds', 'artifacts', 'checksum', 'hash', 'x', '1', '-2.5e3', 'true', '2024-01-01T00:00:00Z', "''", "'", '(', ')', ',', ';', '/', '%', '_', '\\', ' ', '\u0000', 'é', '🙂'];
  const grammarish = fc.array(fc.constantFrom(...atoms), { maxLength: 30 }).map((parts) => parts.join(''));
  const wellFormed = fc
    .array(
      fc.tuple(
        fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'cont', 'ncont'),
        fc.constantFrom('nsdName', 'userDefinedData/i', 'userDefinedData/nested/deep', 'userDefinedData/list', 'vnfPkgIds', 'artifacts/checksum/hash', 'nsdOnboardingState', 'onboardingFailureDetails/status'),
        fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer().map(String), fc.constantFrom('true', '2024-02-30T00:00:00Z', "it''s")), { minLength: 1, maxLength: 3 }),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((terms) => terms.map(([op, path, vals]) => `(${op},${path},${vals.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')})`).join(';'));
  const filterText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 60 }), grammarish, wellFormed);

  const expectNo5xx = async (path: string) => {
    const r = await a.http.get(path).set(auth);
    if (r.status >= 500) throw new Error(`${r.status} for ${path}: ${r.text}`);
    expect(r.headers['content-type']).toMatch(r.status === 200 ? /application\/json/ : /application\/problem\+json/);
  };

  it('never answers 5xx to random filter expressions', async () => {
    await fc.assert(
      fc.asyncProperty(filterText, async (f) => expectNo5xx(`/nsd/v2/ns_descriptors?filter=${encodeURIComponent(f)}`)),
      { numRuns: 1500 },
    );
  });

  it('never answers 5xx to random query strings (selectors, markers, repeated and unknown parameters)', async () => {
    const name = fc.constantFrom('filter', 'fields', 'exclude_fields', 'all_fields', 'exclude_default', 'nextpage_opaque_marker', 'x', '', '[', 'fields[]', '__proto__');
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', 'userDefinedData', 'userDefinedData/i,nsdName', '_links', 'id', 'a/b/c/d', '%', '%zz'));
    const query = fc.array(fc.tuple(name, fc.option(value, { nil: undefined })), { maxLength: 6 }).map((pairs) =>
      pairs.map(([k, v]) => (v === undefined ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${v.startsWith('%') ? v : encodeURIComponent(v)}`)).join('&'),
    );
    await fc.assert(fc.asyncProperty(query, async (q) => expectNo5xx(`/nsd/v2/ns_descriptors?${q}`)), { numRuns: 1500 });
  });
});
