import { loadEtsiContract } from './etsi-contract';
import { referenceSkipReason } from './skip-reason';

/** A complete NsdInfo as SOL005 V2.4.1 defines it (cl. 5.5.2.2), for an onboarded NSD. */
const nsdInfo = () => ({
  id: '0b4ab8f6-3d7e-4b36-9d0c-6a1c0d8f8a11',
  nsdId: 'b1bb0ce7-ebca-4fa7-95ed-4840d70a1177',
  nsdName: 'edge-firewall',
  nsdVersion: '1.0',
  nsdDesigner: 'nfvo.example',
  nsdInvariantId: '1111bbbb-0000-4000-8000-000000000001',
  vnfPkgIds: ['3f7e0a2c-9f6e-4e38-9bd3-0d6c1b8a2e44'],
  pnfdInfoIds: [],
  nestedNsdInfoIds: [],
  nsdOnboardingState: 'ONBOARDED',
  nsdOperationalState: 'ENABLED',
  nsdUsageState: 'NOT_IN_USE',
  userDefinedData: { owner: 'ops' },
  _links: {
    self: { href: 'https://nfvo.example/nsd/v1/ns_descriptors/0b4ab8f6-3d7e-4b36-9d0c-6a1c0d8f8a11' },
    nsd_content: { href: 'https://nfvo.example/nsd/v1/ns_descriptors/0b4ab8f6-3d7e-4b36-9d0c-6a1c0d8f8a11/nsd_content' },
  },
});

const skip = referenceSkipReason('nsd');
const nsd = loadEtsiContract('nsd');
if (skip) console.log(skip);

(nsd ? describe : describe.skip)('ETSI SOL005 V2.4.1 NSD Management bundle', () => {
  const contract = nsd!;

  it('prints what had to be corrected in the bundle', () => {
    console.log(`${contract.source}\n  ${contract.quirks.join('\n  ')}`);
    expect(contract.basePath).toBe('/nsd/v1');
  });

  describe('GET /ns_descriptors/{nsdInfoId} 200 (NsdInfo)', () => {
    // Built inside the tests: describe.skip still runs this body when the reference data is absent.
    const validate = (body: unknown) => contract.responseValidator('GET', '/ns_descriptors/{nsdInfoId}', 200)(body);

    it('accepts a complete NsdInfo', () => {
      expect(validate(nsdInfo())).toEqual({ valid: true, errors: [] });
    });

    it('accepts the minimum: id, the three states and _links', () => {
      const { id, nsdOnboardingState, nsdOperationalState, nsdUsageState, _links } = nsdInfo();
      expect(validate({ id, nsdOnboardingState, nsdOperationalState, nsdUsageState, _links }).valid).toBe(true);
    });

    it.each(['id', 'nsdOnboardingState', 'nsdOperationalState', 'nsdUsageState', '_links'])('rejects an NsdInfo without %s, naming it', (name) => {
      const doc: Record<string, unknown> = nsdInfo();
      delete doc[name];
      const r = validate(doc);
      expect(r.valid).toBe(false);
      expect(r.errors).toContain(`(root) must have required property '${name}'`);
    });

    it('requires both _links.self and _links.nsd_content, with hrefs that are absolute URIs', () => {
      const doc = nsdInfo() as any;
      delete doc._links.nsd_content;
      doc._links.self.href = '/relative/path';
      const r = validate(doc);
      expect(r.errors).toEqual(expect.arrayContaining(["/_links must have required property 'nsd_content'", '/_links/self/href must match format "uri"']));
    });

    it('lists the allowed values of a bad enum; V2.4.1 has no ERROR onboarding state', () => {
      const r = validate({ ...nsdInfo(), nsdOnboardingState: 'ERROR', nsdUsageState: 'USED' });
      expect(r.errors).toEqual([
        '/nsdOnboardingState must be equal to one of the allowed values: CREATED, UPLOADING, PROCESSING, ONBOARDED',
        '/nsdUsageState must be equal to one of the allowed values: IN_USE, NOT_IN_USE',
      ]);
    });

    it('checks types, e.g. vnfPkgIds is a list of identifiers', () => {
      expect(validate({ ...nsdInfo(), vnfPkgIds: 'x' }).errors).toEqual(['/vnfPkgIds must be array']);
    });

    it('rejects the body in ETSI\'s type-named wrapper, which the published file would accept', () => {
      expect(validate({ NsdInfo: nsdInfo() }).valid).toBe(false);
      const raw = loadEtsiContract('nsd', '2.4.1', { corrections: false })!;
      expect(raw.responseValidator('GET', '/ns_descriptors/{nsdInfoId}', 200)({ anything: 1 }).valid).toBe(true);
    });

    it('finds the operation with the basePath and another parameter name', () => {
      expect(contract.responseValidator('get', '/nsd/v1/ns_descriptors/{id}', 200)(nsdInfo()).valid).toBe(true);
    });
  });

  it('validates each element of GET /ns_descriptors 200', () => {
    const validate = contract.responseValidator('GET', '/ns_descriptors', 200);
    expect(validate([nsdInfo(), nsdInfo()]).valid).toBe(true);
    expect(validate([nsdInfo(), { id: 'x' }]).errors).toContain("/1 must have required property '_links'");
  });

  describe('ProblemDetails (SOL013 cl. 6.3) of error responses', () => {
    const validate = (body: unknown) => contract.responseValidator('GET', '/ns_descriptors/{nsdInfoId}', 404)(body);

    it('accepts {status, detail} and the optional members', () => {
      expect(validate({ status: 404, detail: 'NS descriptor 42 not found' }).valid).toBe(true);
      expect(validate({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'x', instance: '/nsd/v1/ns_descriptors/42' }).valid).toBe(true);
    });

    it('requires status and detail with their types', () => {
      expect(validate({ detail: 'x' }).errors).toEqual(["(root) must have required property 'status'"]);
      expect(validate({ status: '404', detail: 'x' }).errors).toEqual(['/status must be integer']);
      expect(validate({ status: 404 }).errors).toEqual(["(root) must have required property 'detail'"]);
    });

    it('works around the "statussss" typo that makes the published schema reject every ProblemDetails', () => {
      const raw = loadEtsiContract('nsd', '2.4.1', { corrections: false })!;
      expect(raw.responseValidator('GET', '/ns_descriptors/{nsdInfoId}', 404)({ status: 404, detail: 'x' }).errors).toEqual([
        "(root) must have required property 'statussss'",
      ]);
      expect(contract.quirks.join('\n')).toMatch(/required "statussss" is a typo of "status"/);
    });
  });

  describe('request bodies', () => {
    it('POST /ns_descriptors takes CreateNsdInfoRequest unwrapped', () => {
      expect(contract.requestSchema('POST', '/ns_descriptors')).toMatchObject({ type: 'object', properties: { userDefinedData: { type: 'object' } } });
      const validate = contract.requestValidator('POST', '/ns_descriptors');
      expect(validate({ userDefinedData: { owner: 'ops' } }).valid).toBe(true);
      expect(validate({}).valid).toBe(true);
      expect(validate({ userDefinedData: 'x' }).errors).toEqual(['/userDefinedData must be object']);
    });

    it('PATCH /ns_descriptors/{nsdInfoId} takes NsdInfoModifications with a KeyValuePairs userDefinedData', () => {
      const validate = contract.requestValidator('PATCH', '/ns_descriptors/{nsdInfoId}');
      expect(validate({ nsdOperationalState: 'DISABLED', userDefinedData: { a: 'b' } }).valid).toBe(true);
      expect(validate({ nsdOperationalState: 'OFF' }).valid).toBe(false);
    });

    it('an operation without a body accepts only an empty one', () => {
      expect(contract.requestSchema('DELETE', '/ns_descriptors/{nsdInfoId}')).toBeUndefined();
      expect(contract.requestValidator('DELETE', '/ns_descriptors/{nsdInfoId}')(undefined).valid).toBe(true);
      expect(contract.requestValidator('DELETE', '/ns_descriptors/{nsdInfoId}')({ a: 1 }).valid).toBe(false);
    });
  });

  it('a 204 response must have no body; a file download is not checked', () => {
    const noContent = contract.responseValidator('DELETE', '/ns_descriptors/{nsdInfoId}', 204);
    expect(noContent(undefined).valid).toBe(true);
    expect(noContent({}).valid).toBe(true); // what supertest shows for no content
    expect(noContent({ id: 'x' }).valid).toBe(false);
    expect(contract.responseValidator('GET', '/ns_descriptors/{nsdInfoId}/nsd_content', 200)(Buffer.from('PK')).valid).toBe(true);
  });

  it('says which operations and statuses exist when asked for a missing one', () => {
    expect(() => contract.responseValidator('GET', '/ns_descriptors/{nsdInfoId}', 201)).toThrow(/declares no 201 response \(declared: 200, 400/);
    expect(() => contract.responseValidator('PUT', '/ns_descriptors/{nsdInfoId}', 200)).toThrow(/no operation PUT .*that path has GET, DELETE, PATCH/);
    expect(() => contract.responseValidator('GET', '/nope', 200)).toThrow(/no operation GET \/nope \(paths: \/ns_descriptors,/);
  });
});

const nslcm = loadEtsiContract('nslcm');
(nslcm ? describe : describe.skip)('ETSI SOL005 V2.4.1 NS Lifecycle Management bundle', () => {
  it('serves fail and cancel under /ns_lcm_op_occs despite the doubled /nslcm/v1 prefix', () => {
    expect(nslcm!.requestSchema('POST', '/ns_lcm_op_occs/{nsLcmOpOccId}/cancel')).toMatchObject({ required: ['cancelMode'] });
    expect(nslcm!.responseSchema('POST', '/ns_lcm_op_occs/{nsLcmOpOccId}/fail', 200)).toMatchObject({ properties: { operationState: { type: 'string' } } });
  });

  it('a task 202 has no body, although the bundle copies NsInstance there', () => {
    const accepted = nslcm!.responseValidator('POST', '/ns_instances/{nsInstanceId}/instantiate', 202);
    expect(accepted('').valid).toBe(true);
    expect(accepted({ id: 'x' }).valid).toBe(false);
  });

  it('V2.4.1 operationState has no PARTIALLY_COMPLETED', () => {
    const schema = nslcm!.responseSchema('GET', '/ns_lcm_op_occs/{nsLcmOpOccId}', 200) as any;
    expect(schema.properties.operationState.enum).toEqual(['PROCESSING', 'COMPLETED', 'FAILED_TEMP', 'FAILED', 'ROLLING_BACK', 'ROLLED_BACK']);
  });
});

const nslcm271 = loadEtsiContract('nslcm', '2.7.1');
(nslcm271 ? describe : describe.skip)('ETSI SOL005 V2.7.1 NS Lifecycle Management bundle (from ONAP SO)', () => {
  it('has /api_versions and makes NsInstance._links mandatory, unlike V2.4.1', () => {
    expect(nslcm271!.responseSchema('GET', '/api_versions', 200)).toMatchObject({ required: ['uriPrefix', 'apiVersions'] });
    expect((nslcm271!.responseSchema('GET', '/ns_instances/{nsInstanceId}', 200) as any).required).toContain('_links');
    expect((nslcm!.responseSchema('GET', '/ns_instances/{nsInstanceId}', 200) as any).required).not.toContain('_links');
  });
});
