import * as path from 'node:path';
import { createEtsiContract } from './etsi-contract';
import { bundleFile, referenceDir, repoRoot } from './reference-data.locator';
import { referenceSkipReason } from './skip-reason';

/** A small Swagger 2.0 document with what the ETSI bundles lack: $refs, x- keys, file type, draft-04 bounds. */
const doc = {
  swagger: '2.0',
  basePath: '/demo/v1',
  paths: {
    '/things/{thingId}': {
      parameters: [{ $ref: '#/parameters/ThingId' }],
      get: { responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Thing' } }, default: { $ref: '#/responses/Problem' } } },
      put: {
        parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Thing' } }],
        responses: { '204': { description: 'done' } },
      },
    },
    '/upload': {
      post: {
        parameters: [{ name: 'body', in: 'body', schema: { type: 'object', properties: { file: { type: 'file' }, meta: { $ref: '#/parameters/ThingId/x-meta' } } } }],
        responses: { '202': { description: 'accepted' } },
      },
    },
  },
  parameters: { ThingId: { name: 'thingId', in: 'path', required: true, type: 'string', 'x-meta': { type: 'string', maxLength: 3 } } },
  responses: { Problem: { description: 'problem', schema: { type: 'object', required: ['status'], properties: { status: { type: 'integer' } } } } },
  definitions: {
    Thing: {
      type: 'object',
      required: ['id', 'weight'],
      'x-etsi-note': 'ignored',
      properties: {
        id: { type: 'string', example: 'abc' },
        weight: { type: 'number', minimum: 0, exclusiveMinimum: true },
        addr: { type: 'string', format: 'IP' },
        mac: { type: 'string', format: 'MAC' },
        net: { type: 'string', format: 'CIDR' },
        at: { type: 'string', format: 'date-time' },
        parts: { type: 'array', items: { $ref: '#/definitions/Thing' } },
      },
    },
  },
};

describe('Swagger 2.0 contract (synthetic document)', () => {
  const c = createEtsiContract(doc, 'demo');
  const thing = { id: 'a', weight: 1 };

  it('resolves $refs to definitions, recursively, and to shared parameters and responses', () => {
    const validate = c.responseValidator('GET', '/things/{x}', 200);
    expect(validate({ ...thing, parts: [{ ...thing, parts: [thing] }] }).valid).toBe(true);
    expect(validate({ ...thing, parts: [{ id: 'b' }] }).errors).toEqual(["/parts/0 must have required property 'weight'"]);
    expect(c.responseValidator('GET', '/things/{x}', 418)({ status: 'x' }).errors).toEqual(['/status must be integer']); // default response
    expect(c.requestValidator('PUT', '/demo/v1/things/{x}')(thing).valid).toBe(true);
    expect(c.requestValidator('POST', '/upload')({ meta: 'abcd' }).errors).toEqual(['/meta must NOT have more than 3 characters']);
  });

  it('turns draft-04 exclusiveMinimum into draft-07', () => {
    expect(c.responseValidator('GET', '/things/{x}', 200)({ id: 'a', weight: 0 }).errors).toEqual(['/weight must be > 0']);
  });

  it('accepts anything for type: file and drops x- and Swagger-only keywords', () => {
    expect(c.requestValidator('POST', '/upload')({ file: Buffer.from('x') }).valid).toBe(true);
    expect(JSON.stringify(c.requestSchema('PUT', '/things/{x}'))).not.toMatch(/x-etsi|example/);
  });

  it.each([
    ['addr', '10.0.0.1', true],
    ['addr', 'fe80::1', true],
    ['addr', '10.0.0.256', false],
    ['mac', 'fa:16:3e:00:00:01', true],
    ['mac', 'FA-16-3E-00-00-01', true],
    ['mac', 'fa:16-3e:00:00:01', false],
    ['net', '10.0.0.0/24', true],
    ['net', '2001:db8::/129', false],
    ['at', '2024-05-01T10:00:00Z', true],
    ['at', '2024-05-01 10:00', false],
  ])('checks the ETSI format of %s = %s', (name, value, ok) => {
    expect(c.responseValidator('GET', '/things/{x}', 200)({ ...thing, [name]: value }).valid).toBe(ok);
  });

  it('requires 202 and 204 bodies to be empty', () => {
    expect(c.responseValidator('PUT', '/things/{x}', 204)(undefined).valid).toBe(true);
    expect(c.responseValidator('POST', '/upload', 202)({ a: 1 }).errors).toEqual(['(root) POST /upload 202 has no body in SOL005']);
  });

  it('refuses what is not Swagger 2.0 and refs it cannot follow', () => {
    expect(() => createEtsiContract({ openapi: '3.0.0', paths: {} }, 'x')).toThrow(/not a Swagger 2.0 document/);
    const external = { swagger: '2.0', paths: { '/a': { get: { responses: { '200': { schema: { $ref: 'other.json#/X' } } } } } } };
    expect(() => createEtsiContract(external, 'ext')).toThrow(/only local \$refs/);
    const cyclic = { swagger: '2.0', paths: { '/a': { get: { responses: { '200': { schema: { $ref: '#/x' } } } } } }, x: { $ref: '#/x' } };
    expect(() => createEtsiContract(cyclic, 'cyc')).toThrow(/circular \$ref/);
  });
});

describe('reference data location', () => {
  it('is shared/ref beside the repository, or NFVO_REF_DIR', () => {
    expect(referenceDir({})).toBe(path.resolve(repoRoot(), '..', 'shared', 'ref'));
    expect(referenceDir({ NFVO_REF_DIR: '/data/ref' })).toBe('/data/ref');
    expect(bundleFile('nsd', '2.4.1', { NFVO_REF_DIR: '/data/ref' })).toBe('/data/ref/sol005/etsi-v2.4.1/SOL005-NSDManagement-API.json');
  });

  it('explains a skip with the path looked at', () => {
    const env = { NFVO_REF_DIR: '/nonexistent/ref' };
    expect(referenceSkipReason('nslcm', '2.7.1', env)).toBe(
      'skipped: reference data not found (/nonexistent/ref/sol005/onap-so-v2.7.1/SOL005-NSLifecycleManagement-API.json)',
    );
    expect(referenceSkipReason(undefined, '2.4.1', env)).toBe('skipped: reference data not found (/nonexistent/ref/sol005)');
  });

  it('knows which bundle exists in which version', () => {
    expect(() => bundleFile('nsd', '2.7.1')).toThrow(/no ETSI SOL005 bundle for nsd@2.7.1; available: nsd@2.4.1/);
  });
});
