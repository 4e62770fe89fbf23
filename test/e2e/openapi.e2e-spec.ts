import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENAPI_FILE, generateOpenApiDocument, serialiseOpenApi } from '../../src/openapi/generate-openapi';
import { startTestApp, type TestApp } from '../support/test-app';

describe('published OpenAPI document', () => {
  it(`${OPENAPI_FILE} is what the code generates (run \`npm run openapi:export\` after changing the API)`, async () => {
    const committed = readFileSync(join(__dirname, '..', '..', OPENAPI_FILE), 'utf8');
    expect(committed).toBe(serialiseOpenApi(await generateOpenApiDocument()));
  });

  describe('served by the running service', () => {
    let a: TestApp;
    beforeAll(async () => {
      a = await startTestApp();
    });
    afterAll(() => a?.close());

    it('serves the same document at /docs/openapi.json and Swagger UI at /docs, without a token', async () => {
      const doc = await a.http.get('/docs/openapi.json');
      expect(doc.status).toBe(200);
      expect(doc.body).toEqual(JSON.parse(readFileSync(join(__dirname, '..', '..', OPENAPI_FILE), 'utf8')));
      const ui = await a.http.get('/docs');
      expect(ui.status).toBe(200);
      expect(ui.text).toMatch(/swagger-ui/i);
    });

    it('documents both NSD API versions, the token endpoint and ProblemDetails', async () => {
      const doc = (await a.http.get('/docs/openapi.json')).body;
      for (const p of ['/nsd/v2/ns_descriptors', '/nsd/v2/ns_descriptors/{nsdInfoId}', '/nsd/v1/ns_descriptors', '/oauth2/token', '/{apiName}/api_versions']) {
        expect(Object.keys(doc.paths)).toContain(p);
      }
      expect(doc.components.schemas.ProblemDetailsDto.required).toEqual(expect.arrayContaining(['status', 'detail']));
      const ids = Object.values(doc.paths).flatMap((ops: any) => Object.values(ops).map((o: any) => o.operationId));
      expect(new Set(ids).size).toBe(ids.length);
    });
  });
});
