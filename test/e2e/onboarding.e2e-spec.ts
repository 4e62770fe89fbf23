import { randomBytes } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import { complexServiceFiles, csarPackage, readExample, sonPackage } from '../support/example-packages';

const V2 = { Version: '2.12.0' };

describe('onboarding: NSD and VNF package content (SOL005 cl. 5.4.5, 9.4.5)', () => {
  let a: TestApp;
  let auth: Record<string, string>;

  beforeAll(async () => {
    a = await startTestApp({ NFVO_MAX_PACKAGE_BYTES: String(8 * 1024 * 1024) });
    auth = { Authorization: `Bearer ${await a.token()}`, ...V2 };
  });
  afterAll(() => a?.close());

  const newNsd = async () => (await a.http.post('/nsd/v2/ns_descriptors').set(auth).send({})).body.id as string;
  const newPkg = async () => (await a.http.post('/vnfpkgm/v2/vnf_packages').set(auth).send({})).body.id as string;
  const put = (path: string, body: Buffer | string, type: string) => a.http.put(path).set(auth).set('Content-Type', type).send(body);
  /** Polls until onboarding has ended (ONBOARDED or ERROR). */
  const settle = async (path: string, stateAttr: string) => {
    for (let i = 0; i < 200; i++) {
      const r = await a.http.get(path).set(auth);
      if (!['UPLOADING', 'PROCESSING'].includes(r.body[stateAttr])) return r.body;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error(`${path} still onboarding`);
  };
  const rowsOf = async (ownerId: string) =>
    (await a.t.db.dataSource.query(`SELECT count(*)::int AS n FROM package_file WHERE owner_id = $1`, [ownerId]))[0].n as number;

  describe('a single YAML descriptor', () => {
    it('onboards a VNF package from one VNFD: ONBOARDED, ENABLED, VNFD identity filled in', async () => {
      const id = await newPkg();
      const r = await put(`/vnfpkgm/v2/vnf_packages/${id}/package_content`, readExample('firewall-vnfd.yaml'), 'text/plain');
      expect(r.status).toBe(202);
      const info = await settle(`/vnfpkgm/v2/vnf_packages/${id}?all_fields`, 'onboardingState');
      expect(info).toMatchObject({
        onboardingState: 'ONBOARDED',
        operationalState: 'ENABLED',
        vnfdId: 'eu.example.nfvo:firewall-vnf:1.0',
        vnfProvider: 'eu.example.nfvo',
        vnfProductName: 'firewall-vnf',
        vnfSoftwareVersion: '1.0',
      });
      expect(info.softwareImages.length).toBeGreaterThan(0);
      const vnfd = await a.http.get(`/vnfpkgm/v2/vnf_packages/${id}/vnfd`).set(auth).set('Accept', 'text/plain');
      expect(vnfd.status).toBe(200);
      expect(vnfd.text).toBe(readExample('firewall-vnfd.yaml'));
    });

    it('reports every validation finding with file, pointer, line and column, and keeps nothing', async () => {
      const id = await newNsd();
      const broken = readExample('nsd.yaml').replace('name: firewall-vnf', 'name: no-such-vnf');
      expect((await put(`/nsd/v2/ns_descriptors/${id}/nsd_content`, broken, 'application/yaml')).status).toBe(202);
      const info = await settle(`/nsd/v2/ns_descriptors/${id}?all_fields`, 'nsdOnboardingState');
      expect(info.nsdOnboardingState).toBe('ERROR');
      const details = info.onboardingFailureDetails;
      expect(details).toMatchObject({ status: 422 });
      expect(details.detail).toMatch(/integrity\.unknown-function-descriptor/);
      const finding = details.report.findings.find((f: { code: string }) => f.code === 'integrity.unknown-function-descriptor');
      expect(finding).toMatchObject({ severity: 'error', pointer: expect.stringMatching(/^\/functions\/0/) });
      expect(finding.line).toBeGreaterThan(1);
      expect(finding.column).toBeGreaterThan(0);
      expect(await rowsOf(id)).toBe(0);
      const events = await a.t.db.dataSource.query(`SELECT type FROM domain_event WHERE subject_id = $1`, [id]);
      expect(events).toEqual([{ type: 'NsdOnBoardingFailureNotification' }]);
    });

    it('refuses content for a resource that is not CREATED, telling to create a new one after ERROR', async () => {
      const id = await newNsd();
      await put(`/nsd/v2/ns_descriptors/${id}/nsd_content`, 'not: [valid', 'text/plain');
      expect((await settle(`/nsd/v2/ns_descriptors/${id}`, 'nsdOnboardingState')).nsdOnboardingState).toBe('ERROR');
      const again = await put(`/nsd/v2/ns_descriptors/${id}/nsd_content`, readExample('nsd.yaml'), 'text/plain');
      expect(again.status).toBe(409);
      expect(again.body.detail).toMatch(/create a new NSD resource/);
    });

    it('answers 415 for an unsupported content type and 413 beyond the size limit, leaving the resource CREATED', async () => {
      const id = await newNsd();
      expect((await put(`/nsd/v2/ns_descriptors/${id}/nsd_content`, '{}', 'application/json')).status).toBe(415);
      const big = await put(`/nsd/v2/ns_descriptors/${id}/nsd_content`, Buffer.alloc(9 * 1024 * 1024, 0x41), 'text/plain');
      expect(big.status).toBe(413);
      expect((await a.http.get(`/nsd/v2/ns_descriptors/${id}`).set(auth)).body.nsdOnboardingState).toBe('CREATED');
      expect(await rowsOf(id)).toBe(0);
    });
  });

  describe('the complex example service as one SONATA package', () => {
    let nsdId: string;
    let pkg: Buffer;
    const image = randomBytes(200 * 1024);

    beforeAll(async () => {
      pkg = await sonPackage(complexServiceFiles(), { extra: { 'image.ref': 'registry.example.net/images/fw-1.0.qcow2\n', 'fw.qcow2': image } });
      nsdId = await newNsd();
      expect((await put(`/nsd/v2/ns_descriptors/${nsdId}/nsd_content`, pkg, 'application/zip')).status).toBe(202);
    });

    it('onboards the NSD and a VNF package per function, linked through vnfPkgIds', async () => {
      const info = await settle(`/nsd/v2/ns_descriptors/${nsdId}`, 'nsdOnboardingState');
      expect(info).toMatchObject({
        nsdOnboardingState: 'ONBOARDED',
        nsdOperationalState: 'ENABLED',
        nsdId: 'eu.example.nfvo:complex-edge-web:1.0',
        nsdName: 'complex-edge-web',
        nsdDesigner: 'eu.example.nfvo',
        nsdVersion: '1.0',
      });
      expect(info.vnfPkgIds).toHaveLength(4);
      for (const pkgId of info.vnfPkgIds) {
        const p = await a.http.get(`/vnfpkgm/v2/vnf_packages/${pkgId}`).set(auth);
        expect(p.body).toMatchObject({ onboardingState: 'ONBOARDED', operationalState: 'ENABLED' });
      }
      const names = await Promise.all(info.vnfPkgIds.map(async (id: string) => (await a.http.get(`/vnfpkgm/v2/vnf_packages/${id}`).set(auth)).body.vnfProductName));
      expect(names.sort()).toEqual(['firewall-vnf', 'loadbalancer-vnf', 'web-backend', 'web-frontend']);
      // Domain events for the notification outbox, written in the onboarding transaction.
      const events = await a.t.db.dataSource.query(`SELECT type, subject_id FROM domain_event WHERE subject_id = ANY($1::uuid[]) ORDER BY id`, [[nsdId, ...info.vnfPkgIds]]);
      expect(events.filter((e: { type: string }) => e.type === 'VnfPackageOnboardingNotification')).toHaveLength(4);
      expect(events[events.length - 1]).toEqual({ type: 'NsdOnBoardingNotification', subject_id: nsdId });
    });

    it('serves the package as uploaded, byte ranges of it, the NSD, the manifest and artifacts', async () => {
      const zip = await a.http.get(`/nsd/v2/ns_descriptors/${nsdId}/nsd_content`).set(auth).set('Accept', 'application/zip').buffer(true).parse(binary);
      expect(zip.status).toBe(200);
      expect(zip.headers['content-type']).toBe('application/zip');
      expect(Buffer.compare(zip.body, pkg)).toBe(0);
      const part = await a.http.get(`/nsd/v2/ns_descriptors/${nsdId}/nsd_content`).set(auth).set('Accept', 'application/zip').set('Range', 'bytes=10-29').buffer(true).parse(binary);
      expect(part.status).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes 10-29/${pkg.length}`);
      expect(Buffer.compare(part.body, pkg.subarray(10, 30))).toBe(0);
      const outside = await a.http.get(`/nsd/v2/ns_descriptors/${nsdId}/nsd_content`).set(auth).set('Accept', 'application/zip').set('Range', `bytes=${pkg.length + 5}-`);
      expect(outside.status).toBe(416);
      expect(outside.headers['content-range']).toBe(`bytes */${pkg.length}`);
      const asText = await a.http.get(`/nsd/v2/ns_descriptors/${nsdId}/nsd_content`).set(auth).set('Accept', 'text/plain');
      expect(asText.status).toBe(406);
      expect(asText.body.detail).toMatch(/application\/zip/);

      const nsd = await a.http.get(`/nsd/v2/ns_descriptors/${nsdId}/nsd`).set(auth).set('Accept', 'text/plain');
      expect(nsd.text).toBe(readExample('nsd.yaml'));
      const manifest = await a.http.get(`/nsd/v2/ns_descriptors/${nsdId}/manifest`).set(auth);
      expect(manifest.text).toMatch(/package_content/);
      const art = await a.http.get(`/nsd/v2/ns_descriptors/${nsdId}/artifacts/artifacts/image.ref`).set(auth);
      expect(art.status).toBe(200);
      expect(Buffer.from(art.body ?? art.text).toString()).toBe('registry.example.net/images/fw-1.0.qcow2\n');
      expect((await a.http.get(`/nsd/v2/ns_descriptors/${nsdId}/artifacts/nope.txt`).set(auth)).status).toBe(404);
      const all = await a.http.get(`/nsd/v2/ns_descriptors/${nsdId}/artifacts`).set(auth).buffer(true).parse(binary);
      expect(all.status).toBe(200);
      expect(all.headers['content-type']).toBe('application/zip');
      expect(all.body.subarray(0, 2).toString()).toBe('PK');
      expect(all.body.includes(Buffer.from('artifacts/image.ref'))).toBe(true);
    });

    it('keeps an artifact once, inside the stored package, and serves it and ranges of it from there', async () => {
      const whole = await a.http.get(`/nsd/v2/ns_descriptors/${nsdId}/artifacts/artifacts/fw.qcow2`).set(auth).buffer(true).parse(binary);
      expect(whole.status).toBe(200);
      expect(whole.headers['content-length']).toBe(String(image.length));
      expect(Buffer.compare(whole.body, image)).toBe(0);
      const part = await a.http.get(`/nsd/v2/ns_descriptors/${nsdId}/artifacts/artifacts/fw.qcow2`).set(auth).set('Range', 'bytes=150000-150999').buffer(true).parse(binary);
      expect(part.status).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes 150000-150999/${image.length}`);
      expect(Buffer.compare(part.body, image.subarray(150000, 151000))).toBe(0);
      // make-package deflates every entry: the artifacts are entries of the package's blob, not blobs of their own.
      const rows: Array<{ path: string; role: string; blob_id: string; compression: string | null }> = await a.t.db.dataSource.query(
        `SELECT path, role, blob_id, compression FROM package_file WHERE owner_type = 'nsd' AND owner_id = $1`, [nsdId]);
      const content = rows.find((r) => r.role === 'package')!;
      const artifacts = rows.filter((r) => r.role === 'artifact');
      expect(artifacts.map((r) => [r.path, r.blob_id, r.compression]).sort()).toEqual([
        ['artifacts/fw.qcow2', content.blob_id, 'deflate'],
        ['artifacts/image.ref', content.blob_id, 'deflate'],
      ]);
      const ownBlobs = rows.filter((r) => r.role !== 'package').map((r) => r.blob_id).filter((b) => b !== content.blob_id);
      const [{ bytes }] = await a.t.db.dataSource.query(`SELECT coalesce(sum(octet_length(data)), 0)::int AS bytes FROM blob_chunk WHERE blob_id = ANY($1::uuid[])`, [ownBlobs]);
      expect(bytes).toBeLessThan(image.length / 2); // descriptors and manifest only
    });

    it('refuses the same service again, naming the NSD that has it', async () => {
      const second = await newNsd();
      await put(`/nsd/v2/ns_descriptors/${second}/nsd_content`, pkg, 'application/zip');
      const info = await settle(`/nsd/v2/ns_descriptors/${second}?all_fields`, 'nsdOnboardingState');
      expect(info.nsdOnboardingState).toBe('ERROR');
      expect(info.onboardingFailureDetails.detail).toContain(nsdId);
    });

    it('deletes the NSD with its content once disabled; the VNF packages stay', async () => {
      const before = (await a.http.get(`/nsd/v2/ns_descriptors/${nsdId}`).set(auth)).body;
      expect((await a.http.delete(`/nsd/v2/ns_descriptors/${nsdId}`).set(auth)).status).toBe(409);
      await a.http.patch(`/nsd/v2/ns_descriptors/${nsdId}`).set(auth).set('Content-Type', 'application/merge-patch+json').send('{"nsdOperationalState":"DISABLED"}');
      const [{ blob_id: packageBlob }] = await a.t.db.dataSource.query(`SELECT blob_id FROM package_file WHERE owner_id = $1 AND role = 'package'`, [nsdId]);
      expect((await a.http.delete(`/nsd/v2/ns_descriptors/${nsdId}`).set(auth)).status).toBe(204);
      expect(await rowsOf(nsdId)).toBe(0);
      // The package blob, artifacts included, goes with the last file that refers to it.
      expect(await a.t.db.dataSource.query(`SELECT id FROM blob WHERE id = $1`, [packageBlob])).toEqual([]);
      expect((await a.http.get(`/vnfpkgm/v2/vnf_packages/${before.vnfPkgIds[0]}`).set(auth)).status).toBe(200);
    });
  });

  describe('the NSD after its VNF packages', () => {
    it('resolves the functions against VNF packages onboarded before', async () => {
      const files = complexServiceFiles();
      // New versions so they do not collide with the package above.
      const bump = (t: string) => t.replace(/^(\s*)version: "1\.0"/gm, '$1version: "2.0"');
      for (const f of ['firewall-vnfd.yaml', 'loadbalancer-vnfd.yaml', 'frontend-msd.yaml', 'backend-msd.yaml']) {
        const id = await newPkg();
        await put(`/vnfpkgm/v2/vnf_packages/${id}/package_content`, bump(files[f]), 'text/plain');
        const pi = await settle(`/vnfpkgm/v2/vnf_packages/${id}?all_fields`, 'onboardingState');
        expect([f, pi.onboardingState, pi.onboardingFailureDetails?.detail]).toEqual([f, 'ONBOARDED', undefined]);
      }
      const nsdId = await newNsd();
      await put(`/nsd/v2/ns_descriptors/${nsdId}/nsd_content`, bump(files['nsd.yaml']), 'text/plain');
      const info = await settle(`/nsd/v2/ns_descriptors/${nsdId}?all_fields`, 'nsdOnboardingState');
      expect(info.onboardingFailureDetails).toBeUndefined();
      expect(info.nsdOnboardingState).toBe('ONBOARDED');
      expect(info.vnfPkgIds).toHaveLength(4);
    });
  });

  describe('the complex example as a SOL004 CSAR', () => {
    it('onboards from the CSAR make-package builds (TOSCA.meta, SHA-256 manifest)', async () => {
      const v3 = Object.fromEntries(Object.entries(complexServiceFiles()).map(([f, t]) => [f, t.replace(/^(\s*)version: "1\.0"/gm, '$1version: "3.0"')]));
      const nsdId = await newNsd();
      expect((await put(`/nsd/v2/ns_descriptors/${nsdId}/nsd_content`, await csarPackage(v3), 'application/zip')).status).toBe(202);
      const info = await settle(`/nsd/v2/ns_descriptors/${nsdId}?all_fields`, 'nsdOnboardingState');
      expect(info.onboardingFailureDetails).toBeUndefined();
      expect(info).toMatchObject({ nsdOnboardingState: 'ONBOARDED', nsdId: 'eu.example.nfvo:complex-edge-web:3.0' });
      expect(info.vnfPkgIds).toHaveLength(4);
      expect((await a.http.get(`/nsd/v2/ns_descriptors/${nsdId}/manifest`).set(auth)).text).toMatch(/Algorithm: SHA-256/);
    });
  });

  describe('bad packages end in ERROR with the reason and leave nothing behind', () => {
    it('a checksum mismatch names the file', async () => {
      const pkg = await sonPackage({ 'firewall-vnfd.yaml': readExample('firewall-vnfd.yaml') }, { keepManifest: true });
      const id = await newPkg();
      const blobs = async () => (await a.t.db.dataSource.query(`SELECT count(*)::int AS n FROM blob`))[0].n as number;
      const blobsBefore = await blobs();
      await put(`/vnfpkgm/v2/vnf_packages/${id}/package_content`, pkg, 'application/zip');
      const info = await settle(`/vnfpkgm/v2/vnf_packages/${id}?all_fields`, 'onboardingState');
      expect(await blobs()).toBe(blobsBefore); // the uploaded content went with the failed attempt
      expect(info.onboardingState).toBe('ERROR');
      const codes = info.onboardingFailureDetails.report.findings.map((f: { code: string }) => f.code);
      expect(codes).toContain('package.checksum-mismatch');
      expect(JSON.stringify(info.onboardingFailureDetails)).toContain('firewall-vnfd.yaml');
      expect(await rowsOf(id)).toBe(0);
    });

    it('a truncated archive, and bytes that are no package at all', async () => {
      const good = await sonPackage({ 'firewall-vnfd.yaml': readExample('firewall-vnfd.yaml') });
      for (const [bytes, code] of [
        [good.subarray(0, Math.floor(good.length / 2)), /package\.(corrupt|unknown-format)/],
        [Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /package\./],
      ] as const) {
        const id = await newPkg();
        await put(`/vnfpkgm/v2/vnf_packages/${id}/package_content`, bytes, 'application/zip');
        const info = await settle(`/vnfpkgm/v2/vnf_packages/${id}?all_fields`, 'onboardingState');
        expect(info.onboardingState).toBe('ERROR');
        expect(info.onboardingFailureDetails.report.findings[0].code).toMatch(code);
        expect(await rowsOf(id)).toBe(0);
      }
    });
  });
});

/** supertest's binary body parser. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function binary(res: any, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

