import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { haveReferenceData, notKept, referencePackages, REF_DIR, type ReferencePackage } from '../../../test/fixtures/packages/reference-packages';
import { makePackage } from '../../../scripts/make-package/build-package';
import { openPackage, type OpenedPackage } from './open-package';
import type { PackageProblem } from './package-problem';

/**
 * The real SONATA and 5GTANGO packages of ../shared/ref, rebuilt from their unpacked folders. The
 * folders do not keep binaries and scripts (CONTENTS.txt lists them), so a package packed with its
 * original manifest lacks exactly those files: the tests expect precisely that, plus each package's
 * own defect.
 */
const present = haveReferenceData();
if (!present) console.log(`skipped: reference data not found (${REF_DIR})`);
const describeRef = present ? describe : describe.skip;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'nfvo-refpkg-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const pkgs = present ? referencePackages() : [];
const byName = (name: string): ReferencePackage => pkgs.find((p) => p.name === name)!;

async function open(pkg: ReferencePackage, keepManifest: boolean): Promise<OpenedPackage> {
  const out = path.join(tmp, `${keepManifest ? 'orig' : 'rebuilt'}-${pkg.name}`);
  await makePackage(pkg.dir, out, { keepManifest });
  return openPackage({ file: out, fileName: pkg.name }, path.join(tmp, 'work'));
}

const errors = (p: OpenedPackage) => p.problems.filter((x) => x.severity === 'error');
const files = (ps: PackageProblem[], code: string) => ps.filter((x) => x.code === code).map((x) => x.file).sort();

describeRef('reference packages rebuilt with fresh checksums open cleanly', () => {
  it.each(['sonata-demo.son', 'sonata-demo-valid.son', '5gtango-ns-package-example.tgo', 'eu.5gtango.ns-package-example.0.1.tgo', 'eu.5gtango.mixed-ns-package-example.0.1.tgo'])(
    '%s',
    async (name) => {
      const opened = await open(byName(name), false);
      expect(errors(opened)).toEqual([]);
      expect(opened.format).toBe(name.endsWith('.son') ? 'son' : 'tgo');
      expect(opened.descriptorFiles.length).toBeGreaterThanOrEqual(2);
      // Digests computed while unpacking agree with the archive's original ones (CONTENTS.txt).
      for (const e of opened.entries.filter((x) => !opened.manifestFiles.includes(x.path))) {
        expect(byName(name).contents.find((c) => c.name === e.path)).toMatchObject({ md5: e.md5, sha256: e.sha256 });
      }
      await opened.cleanup();
    },
  );
});

describeRef('reference packages with their original manifests', () => {
  /** Every manifest-listed file missing from the rebuilt archive is one the reference folder does not keep. */
  const expectOnlyUnkeptMissing = (opened: OpenedPackage, pkg: ReferencePackage, typos: string[] = []) => {
    const missing = files(opened.problems, 'package.missing-entry');
    expect(missing.filter((f) => !typos.includes(f)).every((f) => notKept(pkg).includes(f))).toBe(true);
    for (const t of typos) expect(missing).toContain(t);
  };

  it('sonata-demo.son: checksums verify; only the unkept docker files are missing', async () => {
    const pkg = byName('sonata-demo.son');
    const opened = await open(pkg, true);
    expect(files(opened.problems, 'package.checksum-mismatch')).toEqual([]);
    expect(files(opened.problems, 'package.missing-entry')).toEqual(notKept(pkg).filter((f) => f.startsWith('docker_files/')).sort());
    expect(opened.descriptorFiles.map((d) => [d.path, d.kind, d.entry])).toEqual([
      ['service_descriptors/sonata-demo.yml', 'ns', true],
      ['function_descriptors/iperf-vnfd.yml', 'vnf', false],
      ['function_descriptors/firewall-vnfd.yml', 'vnf', false],
      ['function_descriptors/tcpdump-vnfd.yml', 'vnf', false],
    ]);
    expect(opened.manifest.metadata).toMatchObject({ vendor: 'eu.sonata-nfv.package', name: 'sonata-demo', version: '0.3.1' });
    await opened.cleanup();
  });

  it('sonata-demo-invalid-md5.son: a checksum mismatch naming each of the four descriptors', async () => {
    const opened = await open(byName('sonata-demo-invalid-md5.son'), true);
    const mismatches = opened.problems.filter((p) => p.code === 'package.checksum-mismatch');
    expect(mismatches.map((m) => m.file).sort()).toEqual([
      'function_descriptors/firewall-vnfd.yml',
      'function_descriptors/iperf-vnfd.yml',
      'function_descriptors/tcpdump-vnfd.yml',
      'service_descriptors/sonata-demo.yml',
    ]);
    expect(mismatches[0]).toMatchObject({ declaredIn: 'META-INF/MANIFEST.MF', line: 25, expected: '0bb347f5bcd4986fccfc44ee87932c47', actual: 'fd08a4582521718d47544390af859111' });
    expectOnlyUnkeptMissing(opened, byName('sonata-demo-invalid-md5.son'));
  });

  it('sonata-demo-invalid-integrity-1.son: the misspelt iperfo-vnfd.yml is missing, the real one unlisted', async () => {
    const pkg = byName('sonata-demo-invalid-integrity-1.son');
    const opened = await open(pkg, true);
    expectOnlyUnkeptMissing(opened, pkg, ['function_descriptors/iperfo-vnfd.yml']);
    expect(files(opened.problems, 'package.unlisted-entry')).toEqual(['function_descriptors/iperf-vnfd.yml']);
  });

  it('sonata-demo-invalid-struct-1.son: META-INF/_MANIFEST.MF is not a manifest', async () => {
    const out = path.join(tmp, 'struct-1.son');
    await makePackage(byName('sonata-demo-invalid-struct-1.son').dir, out, { keepManifest: true });
    await expect(openPackage({ file: out }, path.join(tmp, 'work'))).rejects.toMatchObject({
      code: 'package.manifest-missing',
      file: 'META-INF/MANIFEST.MF',
      message: expect.stringContaining('META-INF/_MANIFEST.MF'),
    });
  });

  it('5gtango-ns-package-example-bad-checksum.tgo: the NAPD hash of Definitions/myvnfd.yaml is wrong', async () => {
    const pkg = byName('5gtango-ns-package-example-bad-checksum.tgo');
    const opened = await open(pkg, true);
    const mismatches = opened.problems.filter((p) => p.code === 'package.checksum-mismatch');
    expect(mismatches).toEqual([
      expect.objectContaining({
        file: 'Definitions/myvnfd.yaml',
        declaredIn: 'TOSCA-Metadata/NAPD.yaml',
        expected: '44fc832e0be9c78d8a59d8b57abd8d8f47e6b2e5e7ed264f111e51d3413f911c',
        actual: '44fc832e0be9c78d8a59d8b57abd8d8f47e6b2e5e7ed264f111e51d3413f911b',
      }),
    ]);
    expectOnlyUnkeptMissing(opened, pkg);
    expect(opened.descriptorFiles.map((d) => d.kind)).toEqual(['ns', 'vnf']);
  });

  it('5gtango-ns-package-example-malformed.tgo: NAPD lacks "name", three hashes are wrong, the .mf misspells a file', async () => {
    const pkg = byName('5gtango-ns-package-example-malformed.tgo');
    const opened = await open(pkg, true);
    expect(opened.problems).toContainEqual(
      expect.objectContaining({ code: 'package.manifest-invalid', severity: 'error', file: 'TOSCA-Metadata/NAPD.yaml', message: expect.stringMatching(/"name" is missing.*name_bad_key/) }),
    );
    expect(files(opened.problems, 'package.checksum-mismatch')).toEqual(['Definitions/mynsd.yaml', 'Definitions/myvnfd.yaml', 'Images/mycloudimage.ref']);
    expect(opened.problems.find((p) => p.file === 'Definitions/mynsd.yaml')?.declaredIn).toBe('TOSCA-Metadata/NAPD.yaml, mynsd.mf');
    expect(opened.problems).toContainEqual(expect.objectContaining({ code: 'package.missing-entry', file: 'Images/mycloudinamge.ref', declaredIn: 'mynsd.mf', line: 18 }));
    expectOnlyUnkeptMissing(opened, pkg, ['Images/mycloudinamge.ref']);
  });

  it('5gtango-ns-package-example.tgo (fully kept): no problem at all', async () => {
    const opened = await open(byName('5gtango-ns-package-example.tgo'), true);
    expect(opened.problems).toEqual([]);
    expect(opened.manifest.metadata).toMatchObject({ vendor: 'eu.5gtango', name: '5gtango-project-sample', version: '0.1' });
    expect(opened.descriptorFiles.map((d) => [d.path, d.contentType])).toEqual([
      ['Definitions/sources/vnfd/vnfd-sample.yml', 'application/vnd.5gtango.vnfd'],
      ['Definitions/sources/nsd/nsd-sample.yml', 'application/vnd.5gtango.nsd'],
    ]);
  });

  it('eu.5gtango.mixed-ns-package-example: OSM/ONAP descriptors are kept as artifacts, with a warning each', async () => {
    const pkg = byName('eu.5gtango.mixed-ns-package-example.0.1.tgo');
    const opened = await open(pkg, true);
    expect(files(opened.problems, 'package.foreign-descriptor')).toEqual(['Definitions/onap_nsd.yaml', 'Definitions/onap_vnfd.yaml', 'Definitions/osm_nsd.yaml', 'Definitions/osm_vnfd.yaml']);
    expect(files(opened.problems, 'package.checksum-mismatch')).toEqual([]);
    expectOnlyUnkeptMissing(opened, pkg);
    expect(opened.descriptorFiles.map((d) => d.path)).toEqual(['Definitions/Definitions/5gtango_nsd.yaml', 'Definitions/Definitions/5gtango_vnfd.yaml']);
  });
});
