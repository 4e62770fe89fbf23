import { startTestApp, type TestApp } from '../support/test-app';

describe('SOL013 common behaviour', () => {
  let a: TestApp;
  let auth: string;
  beforeAll(async () => {
    a = await startTestApp({ NFVO_MAX_BODY_BYTES: '2048' });
    auth = `Bearer ${await a.token()}`;
  });
  afterAll(() => a?.close());

  const expectProblem = (r: { status: number; headers: Record<string, string>; body: any }, status: number) => {
    expect(r.status).toBe(status);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.body.status).toBe(status);
    expect(typeof r.body.detail).toBe('string');
    expect(r.body.detail.length).toBeGreaterThan(10);
    expect(r.headers.version).toBeDefined();
  };

  describe('Version header (cl. 9.1)', () => {
    it('is required on v2 routes: 400 listing the supported versions', async () => {
      const r = await a.http.get('/nsd/v2/ns_descriptors').set('Authorization', auth);
      expectProblem(r, 400);
      expect(r.body.supportedVersions).toEqual(['2.12.0']);
      expect(r.headers.version).toBe('2.12.0');
    });
    it('answers 406 for an unsupported version', async () => {
      const r = await a.http.get('/nsd/v2/ns_descriptors').set('Authorization', auth).set('Version', '2.11.0');
      expectProblem(r, 406);
      expect(r.body.supportedVersions).toEqual(['2.12.0']);
    });
    it('is optional on v1 routes and echoed on every response', async () => {
      const r = await a.http.get('/nsd/v1/ns_descriptors').set('Authorization', auth);
      expect(r.status).toBe(200);
      expect(r.headers.version).toBe('1.0.0');
      const ok = await a.http.get('/nsd/v2/ns_descriptors').set('Authorization', auth).set('Version', '2.12.0');
      expect(ok.status).toBe(200);
      expect(ok.headers.version).toBe('2.12.0');
    });
    it('is present on errors for unknown routes and on our own endpoints', async () => {
      expect((await a.http.get('/health')).headers.version).toBe('1.0.0');
      expect((await a.http.get('/nsd/v2/nothing-here').set('Version', '2.12.0').set('Authorization', auth)).headers.version).toBe('2.12.0');
    });
  });

  describe('api_versions (cl. 9.3)', () => {
    it('lists every major at the API root and one at the major level', async () => {
      const all = await a.http.get('/nsd/api_versions');
      expect(all.status).toBe(200);
      expect(all.body).toEqual({ uriPrefix: '/nsd', apiVersions: [{ version: '1.0.0', isDeprecated: false }, { version: '2.12.0', isDeprecated: false }] });
      const v2 = await a.http.get('/nsd/v2/api_versions');
      expect(v2.body).toEqual({ uriPrefix: '/nsd/v2', apiVersions: [{ version: '2.12.0', isDeprecated: false }] });
    });
    it.each(['post', 'put', 'patch', 'delete'] as const)('answers 405 to %s', async (m) => {
      for (const path of ['/nsd/api_versions', '/nsd/v2/api_versions']) {
        const r = await a.http[m](path).set('Version', '2.12.0');
        expectProblem(r, 405);
        expect(r.headers.allow).toBe('GET, HEAD');
      }
    });
    it('answers 404 for an API we do not serve', async () => {
      expectProblem(await a.http.get('/nope/api_versions'), 404);
    });
  });

  describe('ProblemDetails for every error', () => {
    it('404 for unknown routes', async () => {
      expectProblem(await a.http.get('/no/such/route'), 404);
    });
    it('405 with Allow for a known resource and a wrong method', async () => {
      const r = await a.http.put('/nsd/v2/ns_descriptors').set('Authorization', auth).set('Version', '2.12.0');
      expectProblem(r, 405);
      expect(r.headers.allow).toBe('GET, HEAD, POST');
    });
    it('406 when Accept excludes JSON', async () => {
      expectProblem(await a.http.get('/nsd/v2/ns_descriptors').set('Authorization', auth).set('Version', '2.12.0').set('Accept', 'text/html'), 406);
    });
    it('415 for a body that is not JSON', async () => {
      const r = await a.http.post('/nsd/v2/ns_descriptors').set('Authorization', auth).set('Version', '2.12.0').set('Content-Type', 'text/plain').send('hello');
      expectProblem(r, 415);
      expect(r.body.detail).toMatch(/application\/json/);
    });
    it('413 for a body over NFVO_MAX_BODY_BYTES', async () => {
      const big = { userDefinedData: { x: 'y'.repeat(4096) } };
      const r = await a.http.post('/nsd/v2/ns_descriptors').set('Authorization', auth).set('Version', '2.12.0').send(big);
      expectProblem(r, 413);
      expect(r.body.detail).toMatch(/2048/);
    });
    it('400 for malformed JSON', async () => {
      const r = await a.http.post('/nsd/v2/ns_descriptors').set('Authorization', auth).set('Version', '2.12.0').set('Content-Type', 'application/json').send('{"userDefinedData": ');
      expectProblem(r, 400);
    });
    it('400 naming unknown members where the data type has none', async () => {
      const r = await a.http.post('/nsd/v2/ns_descriptors').set('Authorization', auth).set('Version', '2.12.0').send({ nsdName: 'x' });
      expectProblem(r, 400);
      expect(r.body.detail).toMatch(/nsdName/);
    });
    it('400 naming a wrong type', async () => {
      const r = await a.http.post('/nsd/v2/ns_descriptors').set('Authorization', auth).set('Version', '2.12.0').send({ userDefinedData: 'text' });
      expectProblem(r, 400);
      expect(r.body.detail).toMatch(/userDefinedData/);
    });
    it('400 for unknown query parameters on a container', async () => {
      const r = await a.http.get('/nsd/v2/ns_descriptors?limit=5').set('Authorization', auth).set('Version', '2.12.0');
      expectProblem(r, 400);
      expect(r.body.detail).toMatch(/limit/);
    });
  });

  it('carries a request id, echoing a well-formed X-Request-Id', async () => {
    const r = await a.http.get('/health').set('X-Request-Id', 'abc-123');
    expect(r.headers['x-request-id']).toBe('abc-123');
    const g = await a.http.get('/health').set('X-Request-Id', 'bad id with spaces');
    expect(g.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers health and readiness', async () => {
    expect((await a.http.get('/health')).body).toEqual({ status: 'UP' });
    expect((await a.http.get('/ready')).body).toEqual({ status: 'UP', database: 'UP', jobEngine: 'UP' });
  });

  // Last: breaks the database under the running app.
  it('turns an unexpected failure into a 500 that leaks no stack or SQL, and readiness into 503', async () => {
    await a.t.db.dataSource.query('DROP TABLE nsd_info CASCADE');
    const r = await a.http.get('/nsd/v2/ns_descriptors').set('Authorization', auth).set('Version', '2.12.0').set('X-Request-Id', 'req-500');
    expectProblem(r, 500);
    expect(r.body.detail).toContain('req-500');
    expect(r.text).not.toMatch(/nsd_info|SELECT|at \w+ \(|QueryFailedError|relation/i);
  });
});
