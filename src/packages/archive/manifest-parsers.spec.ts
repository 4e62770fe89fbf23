import { Readable } from 'node:stream';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseMfManifest } from './mf-manifest.parser';
import { PackageError } from './package-error';
import { saveUpload } from './save-upload';
import { parseToscaMeta } from './tosca-meta.parser';
import { loadYamlManifest } from './yaml-manifest';

describe('parseToscaMeta', () => {
  it('reads blocks, CRLF, a BOM and continuation lines (JAR manifest style)', () => {
    const meta = parseToscaMeta('\uFEFFTOSCA-Meta-File-Version: 1.0\r\nCreated-By: Jane\r\n  Doe\r\nEntry-Definitions: Definitions/nsd.yaml\r\n\r\nName: TOSCA-Metadata/NAPD.yaml\r\nContent-Type: application/vnd.5gtango.napd\r\n');
    expect(meta.get('created-by')?.value).toBe('Jane Doe');
    expect(meta.get('Entry-Definitions')).toMatchObject({ value: 'Definitions/nsd.yaml', line: 4 });
    expect(meta.blocks).toHaveLength(2);
  });

  it('names the line of a malformed or repeated key', () => {
    expect(() => parseToscaMeta('CSAR-Version: 1.1\n: no key\n')).toThrow(expect.objectContaining({ code: 'package.manifest-syntax', line: 2 }));
    expect(() => parseToscaMeta('CSAR-Version: 1.1\ncsar-version: 1.0\n')).toThrow(/line 2: "csar-version" repeats line 1/);
  });
});

describe('parseMfManifest (SOL004 cl. 4.3.3)', () => {
  it('reads metadata, file blocks, non_mano_artifact_sets and a CMS signature', () => {
    const mf = parseMfManifest(
      [
        'metadata:', 'vnf_provider_id: acme', 'vnf_package_version: 1.0', '',
        'Source: a.yaml', 'Algorithm: SHA-256', 'Hash: 0a', '',
        'Source: b.bin', 'Algorithm: SHA-512', 'Hash: 0b', 'Signature: x', '',
        'non_mano_artifact_sets:', '  prv.vendor.tests:', '    Source: b.bin', '',
        '-----BEGIN CMS-----', 'MIIB', '-----END CMS-----',
      ].join('\n'),
      'x.mf',
    );
    expect(mf.metadata.map((kv) => kv.key)).toEqual(['vnf_provider_id', 'vnf_package_version']);
    expect(mf.sources.map((s) => [s.source.value, s.algorithm?.value, s.hash?.line])).toEqual([['a.yaml', 'SHA-256', 7], ['b.bin', 'SHA-512', 11]]);
    expect(mf).toMatchObject({ signed: true, issues: [] });
  });

  it('reports stray or repeated block lines as issues and an unterminated signature as a syntax error', () => {
    expect(parseMfManifest('Hash: 00\n\nSource: a\nHash: 01\nHash: 02\n', 'x.mf').issues.map((i) => i.line)).toEqual([1, 5]);
    expect(() => parseMfManifest('Source: a\n-----BEGIN CMS-----\nabc\n', 'x.mf')).toThrow(expect.objectContaining({ code: 'package.manifest-syntax', line: 2 }));
    expect(() => parseMfManifest('Source a.yaml\n', 'x.mf')).toThrow(/x\.mf line 1: expected "Key: value"/);
  });
});

describe('loadYamlManifest', () => {
  it('keeps scalars as written and knows lines', () => {
    const y = loadYamlManifest('version: 1.0\nmd5: 12345678901234567890123456789012\nlist:\n  - a\n', 'M', 10);
    expect(y.data).toEqual({ version: '1.0', md5: '12345678901234567890123456789012', list: ['a'] });
    expect([y.lineOfKey('md5'), y.lineOf(['list', 0])]).toEqual([2, 4]);
  });

  it('refuses duplicate keys, alias bombs and non-mapping documents', () => {
    expect(() => loadYamlManifest('a: 1\na: 2\n', 'M', 10)).toThrow(expect.objectContaining({ code: 'package.manifest-syntax', line: 2 }));
    const laughs = 'a: &a [x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nd: [*c, *c, *c]\n';
    expect(() => loadYamlManifest(laughs, 'M', 5)).toThrow(/resource exhaustion/);
    expect(() => loadYamlManifest('- a\n', 'M', 10)).toThrow(/top level must be a mapping/);
  });
});

describe('saveUpload and PackageError', () => {
  it('streams an upload to disk and stops at the size limit, removing the partial file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nfvo-upload-'));
    try {
      const ok = path.join(dir, 'ok');
      await expect(saveUpload(Readable.from([Buffer.from('abc')]), ok, 3)).resolves.toBe(3);
      expect(await readFile(ok, 'utf8')).toBe('abc');
      const big = path.join(dir, 'big');
      await expect(saveUpload(Readable.from([Buffer.alloc(2), Buffer.alloc(2)]), big, 3)).rejects.toMatchObject({ code: 'package.too-large' });
      expect(existsSync(big)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('maps to the NfvoError the problem-details filter understands', () => {
    expect(new PackageError('package.too-large', 'x').toNfvoError()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(new PackageError('package.unknown-format', 'x').toNfvoError()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(new PackageError('package.symlink', 'x', 'evil').toNfvoError()).toMatchObject({ code: 'UNPROCESSABLE', extras: { packageErrorCode: 'package.symlink', file: 'evil' } });
  });
});
