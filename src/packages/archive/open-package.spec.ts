import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makePackage } from '../../../scripts/make-package/build-package';
import { writeLargeSonPackage } from '../../../scripts/make-package/large-package';
import { writeTestZip } from '../../../test/fixtures/packages/test-zip';
import { openPackage } from './open-package';

let tmp: string;
let work: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'nfvo-open-'));
  work = path.join(tmp, 'work');
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

let n = 0;
async function file(content: string | Buffer): Promise<string> {
  const f = path.join(tmp, `upload-${++n}`);
  await writeFile(f, content);
  return f;
}

/** A directory of files, for makePackage. */
async function dir(files: Record<string, string>): Promise<string> {
  const d = path.join(tmp, `dir-${++n}`);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(d, name)), { recursive: true });
    await writeFile(path.join(d, name), text);
  }
  return d;
}

const NSD = 'descriptor_version: "1.0"\nvendor: "eu.example"\nname: "demo-ns"\nversion: "0.1"\nnetwork_functions:\n  - vnf_id: "v1"\n';
const VNFD = 'descriptor_version: "vnfd-schema-01"\nvendor: "eu.example"\nname: "demo-vnf"\nversion: "0.1"\n';

describe('openPackage: a single YAML/JSON descriptor', () => {
  it('is recognised by its bytes and becomes a one-file package', async () => {
    const opened = await openPackage({ file: await file(NSD), contentType: 'application/x-yaml', fileName: 'nsd.yaml' }, work);
    expect(opened).toMatchObject({ format: 'yaml', problems: [], descriptorFiles: [{ path: 'nsd.yaml', text: NSD, entry: true }] });
    expect(opened.entries[0]).toMatchObject({ path: 'nsd.yaml', size: NSD.length });
    await opened.cleanup();
    expect(existsSync(opened.root)).toBe(false);
  });

  it('ignores a hostile client file name', async () => {
    const opened = await openPackage({ file: await file('{"a": 1}'), contentType: 'application/json', fileName: '../../etc/passwd\u0000' }, work);
    expect(opened.descriptorFiles[0]!.path).toBe('descriptor.yaml');
    await opened.cleanup();
  });

  it('refuses a descriptor above the limit, empty content, binary junk and text declared as a zip', async () => {
    await expect(openPackage({ file: await file(NSD) }, work, { maxDescriptorBytes: 10 })).rejects.toMatchObject({ code: 'package.too-large' });
    await expect(openPackage({ file: await file('') }, work)).rejects.toMatchObject({ code: 'package.empty' });
    await expect(openPackage({ file: await file(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2])) }, work)).rejects.toMatchObject({ code: 'package.unknown-format' });
    await expect(openPackage({ file: await file(NSD), contentType: 'application/zip' }, work)).rejects.toMatchObject({ code: 'package.unknown-format' });
  });
});

describe('openPackage: ETSI SOL004 CSAR', () => {
  it('builds a CSAR from plain descriptors (make-package --format csar) that opens without problems', async () => {
    const out = path.join(tmp, 'demo.csar');
    await makePackage(await dir({ 'nsd.yaml': NSD, 'vnfs/vnfd.yaml': VNFD }), out, { format: 'csar' });
    const opened = await openPackage({ file: out }, work);
    expect(opened.format).toBe('csar');
    expect(opened.problems).toEqual([]);
    expect(opened.descriptorFiles.map((d) => [d.path, d.entry])).toEqual([['Definitions/nsd.yaml', true], ['Definitions/vnfs/vnfd.yaml', false]]);
    expect(opened.manifest.metadata).toMatchObject({ vendor: 'eu.example', name: 'demo-ns', version: '0.1', 'CSAR-Version': '1.1' });
    expect(opened.manifest.files.every((f) => f.algorithm === 'sha256')).toBe(true);
    await opened.cleanup();
  });

  it('reads a CSAR without TOSCA-Metadata (root YAML + same-named .mf) with SHA-512 and SHA-384 hashes', async () => {
    const mf = 'metadata:\nnsd_designer: eu.example\nnsd_name: demo-ns\n\nSource: nsd.yaml\nAlgorithm: SHA-512\nHash: 00\n\nSource: image.bin\nAlgorithm: SHA-384\nHash: 00\n';
    const out = path.join(tmp, 'rootless.csar');
    const result = await makePackage(await dir({ 'nsd.yaml': NSD, 'nsd.mf': mf, 'image.bin': 'bytes' }), out);
    expect(result).toMatchObject({ format: 'csar', rewritten: ['nsd.mf'] });
    const opened = await openPackage({ file: out }, work);
    expect(opened.problems).toEqual([]);
    expect(opened.manifest.files.map((f) => f.algorithm)).toEqual(['sha512', 'sha384']);
    expect(opened.descriptorFiles.map((d) => d.path)).toEqual(['nsd.yaml']);
  });

  it('reports every defect of a hand-broken CSAR at once, with manifest lines', async () => {
    const meta = 'TOSCA-Meta-File-Version: 1.0\nCSAR-Version: 1.1\nCreated-By: test\nEntry-Definitions: Definitions/nsd.yaml\nETSI-Entry-Manifest: nsd.mf\nETSI-Entry-Change-Log: ChangeLog.txt\n';
    const mf = [
      'metadata:', 'nsd_name: demo', '',
      'Source: Definitions/nsd.yaml', 'Algorithm: SHA-256', `Hash: ${'A'.repeat(64)}`, '',
      'Source: Definitions/gone.yaml', 'Algorithm: SHA-256', `Hash: ${'0'.repeat(64)}`, '',
      'Source: Definitions/other.yaml', 'Algorithm: MD4', 'Hash: 00', '',
      '-----BEGIN CMS-----', 'MIIB...', '-----END CMS-----', '',
    ].join('\n');
    const out = path.join(tmp, 'broken.csar');
    await makePackage(await dir({ 'TOSCA-Metadata/TOSCA.meta': meta, 'nsd.mf': mf, 'Definitions/nsd.yaml': NSD, 'Definitions/other.yaml': VNFD, 'README.md': 'x' }), out, { keepManifest: true });
    const opened = await openPackage({ file: out }, work);
    const summary = opened.problems.map((p) => [p.code, p.severity, p.file, p.line]);
    expect(summary).toEqual(expect.arrayContaining([
      ['package.checksum-mismatch', 'error', 'Definitions/nsd.yaml', 4],
      ['package.missing-entry', 'error', 'Definitions/gone.yaml', 8],
      ['package.manifest-invalid', 'error', 'nsd.mf', 13],
      ['package.missing-entry', 'error', 'ChangeLog.txt', 6],
      ['package.signature-not-verified', 'warning', 'nsd.mf', undefined],
      ['package.unlisted-entry', 'warning', 'README.md', undefined],
    ]));
    expect(summary).toHaveLength(6);
  });

  it('fails precisely on a TOSCA.meta syntax error or a missing manifest, leaving nothing behind', async () => {
    const bad = path.join(tmp, 'bad-meta.csar');
    await makePackage(await dir({ 'TOSCA-Metadata/TOSCA.meta': 'TOSCA-Meta-File-Version: 1.0\nthis line has no colon\n', 'x.mf': '' }), bad, { keepManifest: true });
    const w = path.join(tmp, 'work-bad');
    await expect(openPackage({ file: bad }, w)).rejects.toMatchObject({ code: 'package.manifest-syntax', file: 'TOSCA-Metadata/TOSCA.meta', line: 2 });
    expect(await readdir(w)).toEqual([]);
    const noMf = path.join(tmp, 'no-mf.csar');
    await makePackage(await dir({ 'TOSCA-Metadata/TOSCA.meta': 'TOSCA-Meta-File-Version: 1.0\nCSAR-Version: 1.1\nCreated-By: t\nEntry-Definitions: Definitions/nsd.yaml\n', 'Definitions/nsd.yaml': NSD }), noMf, { keepManifest: true });
    await expect(openPackage({ file: noMf }, w)).rejects.toMatchObject({ code: 'package.manifest-missing' });
    expect(await readdir(w)).toEqual([]);
  });
});

describe('openPackage: unknown and hostile archives', () => {
  it('names what it looked for when a zip is no package', async () => {
    const z = path.join(tmp, 'plain.zip');
    await writeTestZip(z, [{ name: 'docs/readme.txt', data: 'hello' }]);
    await expect(openPackage({ file: z }, work)).rejects.toMatchObject({
      code: 'package.unknown-format',
      message: expect.stringMatching(/META-INF\/MANIFEST\.MF.*TOSCA-Metadata\/TOSCA\.meta.*"docs\/readme\.txt"/),
    });
  });

  it('leaves nothing in the work directory after a hostile archive', async () => {
    const z = path.join(tmp, 'link.zip');
    await writeTestZip(z, [{ name: 'META-INF/MANIFEST.MF', data: 'x' }, { name: 'evil', data: '/etc/shadow', mode: 0o120777 }]);
    const w = path.join(tmp, 'work-hostile');
    await expect(openPackage({ file: z }, w)).rejects.toMatchObject({ code: 'package.symlink', file: 'evil' });
    expect(await readdir(w)).toEqual([]);
  });
});

describe('openPackage: memory stays flat for large packages (streaming)', () => {
  it('opens a 64 MiB .son with less than 64 MB of RSS growth and no problems', async () => {
    const big = path.join(tmp, 'large.son');
    const written = await writeLargeSonPackage(big, 64 * 1024 * 1024);
    expect(written.bytes).toBeGreaterThan(64 * 1024 * 1024);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      const opened = await openPackage({ file: big }, work);
      expect(opened.problems).toEqual([]);
      expect(opened.entries.find((e) => e.path.startsWith('images/'))).toMatchObject({ md5: written.imageMd5 });
      await opened.cleanup();
    } finally {
      clearInterval(timer);
    }
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);
});
