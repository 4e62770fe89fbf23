import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { localHeaderOffset, orFlags, renameEntry, setCentral, setMethod } from '../../../test/fixtures/packages/zip-bytes';
import { writeTestZip, zeros, type TestEntry } from '../../../test/fixtures/packages/test-zip';
import type { PackageErrorCode } from './package-error';
import type { UnpackLimits } from './unpack-limits';
import { unpackZip } from './unpack-zip';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'nfvo-unpack-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

let n = 0;
const zipPath = () => path.join(tmp, `t${++n}.zip`);

async function build(entries: TestEntry[], patch?: (zip: Buffer) => Buffer): Promise<string> {
  const file = zipPath();
  await writeTestZip(file, entries);
  if (patch) await writeFile(file, patch(await readFile(file)));
  return file;
}

/** Unpacks and expects the given error code; the destination must be gone afterwards. */
async function expectRejected(file: string, code: PackageErrorCode, limits: Partial<UnpackLimits> = {}, entryName?: string) {
  const dest = path.join(tmp, `out-${n}-${code}`);
  const err = await unpackZip(file, dest, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toMatchObject({ name: 'PackageError', code });
  if (entryName !== undefined) expect(err).toMatchObject({ file: entryName });
  expect(existsSync(dest)).toBe(false);
  return err as Error;
}

describe('unpackZip: well-formed archives', () => {
  it('streams files to disk with md5, sha256 and sha512, and creates directories', async () => {
    const file = await build([
      { name: 'META-INF/', directory: true },
      { name: 'META-INF/MANIFEST.MF', data: 'abc' },
      { name: 'a/b/c.txt', data: '' },
      { name: 'stored.bin', data: 'xyz', compress: false },
    ]);
    const dest = path.join(tmp, 'ok');
    const result = await unpackZip(file, dest);
    expect(result.directories).toEqual(['META-INF']);
    expect(result.entries.map((e) => [e.path, e.size])).toEqual([['META-INF/MANIFEST.MF', 3], ['a/b/c.txt', 0], ['stored.bin', 3]]);
    expect(result.entries[0]).toMatchObject({
      size: 3,
      md5: '900150983cd24fb0d6963f7d28e17f72',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
    expect(result.entries[0]!.sha512).toMatch(/^ddaf35a1/);
    expect(await readFile(path.join(dest, 'META-INF/MANIFEST.MF'), 'utf8')).toBe('abc');
    await expect(unpackZip(file, dest)).rejects.toMatchObject({ code: 'EEXIST' }); // never into an existing directory
  });

  it('lets small, highly compressible text through the ratio check (floor)', async () => {
    const file = await build([{ name: 'nsd.yaml', data: 'a: b\n'.repeat(50_000) }]);
    await expect(unpackZip(file, path.join(tmp, 'text'))).resolves.toMatchObject({ totalBytes: 250_000 });
  });
});

describe('unpackZip: zip bombs and size limits', () => {
  let bomb: string;
  beforeAll(async () => {
    bomb = await build([{ name: 'disk.img', stream: zeros(1024 ** 3) }]); // 1 GiB of zeros, ~1 MB compressed
  }, 60_000);

  it('refuses a 1 GiB zero bomb at once, without inflating it, and without memory growth', async () => {
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const err = await expectRejected(bomb, 'package.ratio', {}, 'disk.img');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect(err.message).toMatch(/100:1/);
  });

  it('stops a bomb whose central directory lies about its size within one chunk', async () => {
    const liar = zipPath();
    await writeFile(liar, setCentral(await readFile(bomb), 'disk.img', 'uncompressedSize', 1000));
    const started = Date.now();
    await expectRejected(liar, 'package.corrupt', {}, 'disk.img');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('enforces entry, total, archive and entry-count limits', async () => {
    const file = await build([{ name: 'a', data: 'x'.repeat(2000) }, { name: 'b', data: 'y'.repeat(2000) }]);
    await expectRejected(file, 'package.entry-too-large', { maxEntryBytes: 1000 }, 'a');
    await expectRejected(file, 'package.total-too-large', { maxTotalBytes: 3000 }, 'b');
    await expectRejected(file, 'package.too-large', { maxArchiveBytes: 100 });
    await expectRejected(file, 'package.entry-count', { maxEntries: 1 });
  });

  it('refuses more entries than the default limit of 10 000', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ name: `f${i}`, data: '', compress: false }));
    await expectRejected(await build(many), 'package.entry-count');
  }, 30_000);

  it('refuses entries whose compressed data overlaps (overlapping-entry bomb)', async () => {
    const file = await build([{ name: 'a.txt', data: 'x'.repeat(100) }, { name: 'b.txt', data: 'x'.repeat(100) }], (z) =>
      setCentral(z, 'b.txt', 'localHeaderOffset', localHeaderOffset(z, 'a.txt')),
    );
    await expectRejected(file, 'package.overlapping-entries', {}, 'b.txt');
  });
});

describe('unpackZip: hostile names and entry kinds', () => {
  const renamed = (placeholder: string, hostile: string | Buffer) => build([{ name: placeholder, data: 'evil' }], (z) => renameEntry(z, placeholder, hostile));

  it.each([
    ['xx/evil', '../evil', 'package.path-traversal'],
    ['a/xx/evil', 'a/../evil', 'package.path-traversal'],
    ['xabs', '/abs', 'package.path-traversal'],
    ['Cxxx', 'C:\\x', 'package.path-traversal'],
    ['axb', 'a\\b', 'package.path-traversal'],
    ['axb', 'a\u0000b', 'package.bad-name'],
    ['a/x/b', 'a/./b', 'package.bad-name'],
    ['axxb', 'a//b', 'package.bad-name'],
  ] as const)('%s patched to %j: %s', async (placeholder, hostile, code) => {
    await expectRejected(await renamed(placeholder, hostile), code);
  });

  it('refuses names too long or too deep', async () => {
    await expectRejected(await build([{ name: 'a/b/c/d', data: '' }]), 'package.bad-name', { maxPathDepth: 3 });
    await expectRejected(await build([{ name: 'x'.repeat(300), data: '' }]), 'package.bad-name');
  });

  it('refuses symlinks and special files', async () => {
    await expectRejected(await build([{ name: 'link', data: '/etc/passwd', mode: 0o120777 }]), 'package.symlink', {}, 'link');
    await expectRejected(await build([{ name: 'fifo', data: '', mode: 0o010644 }]), 'package.special-file', {}, 'fifo');
  });

  it('refuses duplicate names, also when they differ only in case, and file/directory clashes', async () => {
    const twice = await build([{ name: 'a.txt', data: '1' }, { name: 'b.txt', data: '2' }], (z) => renameEntry(z, 'b.txt', 'a.txt'));
    await expectRejected(twice, 'package.duplicate-entry', {}, 'a.txt');
    await expectRejected(await build([{ name: 'META-INF/MANIFEST.MF', data: '1' }, { name: 'meta-inf/manifest.mf', data: '2' }]), 'package.duplicate-entry');
    await expectRejected(await build([{ name: 'a', data: '1' }, { name: 'a/b', data: '2' }]), 'package.duplicate-entry', {}, 'a');
  });

  it('refuses a directory entry that carries data', async () => {
    await expectRejected(await build([{ name: 'dirx', data: 'payload' }], (z) => renameEntry(z, 'dirx', 'dir/')), 'package.bad-entry', {}, 'dir');
  });

  it('refuses encrypted entries (traditional and strong) and unknown compression methods', async () => {
    await expectRejected(await build([{ name: 'a.txt', data: 'secret'.repeat(10) }], (z) => orFlags(z, 'a.txt', 0x1)), 'package.encrypted', {}, 'a.txt');
    await expectRejected(await build([{ name: 'a.txt', data: 'secret'.repeat(10) }], (z) => orFlags(z, 'a.txt', 0x41)), 'package.encrypted');
    await expectRejected(await build([{ name: 'a.txt', data: 'x'.repeat(10) }], (z) => setMethod(z, 'a.txt', 12)), 'package.unsupported-compression', {}, 'a.txt');
  });
});

describe('unpackZip: damaged input', () => {
  const valid = () => build([{ name: 'a.yaml', data: 'name: a\n'.repeat(500) }, { name: 'b.yaml', data: 'name: b\n'.repeat(500) }]);

  it('reports a truncated archive', async () => {
    const file = await valid();
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length >> 1));
    const err = await expectRejected(file, 'package.corrupt');
    expect(err.message).toMatch(/truncated/);
  });

  it('reports damaged compressed data (inflate error or CRC-32 mismatch)', async () => {
    const file = await build([{ name: 'a.bin', data: Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)) }]);
    const bytes = await readFile(file);
    for (let i = 60; i < 90; i++) bytes[i] = bytes[i]! ^ 0x55;
    await writeFile(file, bytes);
    await expectRejected(file, 'package.corrupt', {}, 'a.bin');
  });

  it('reports non-zip bytes and empty files', async () => {
    const junk = zipPath();
    await writeFile(junk, Buffer.from('this is not a zip archive at all, just text'));
    await expectRejected(junk, 'package.corrupt');
    const empty = zipPath();
    await writeFile(empty, '');
    await expectRejected(empty, 'package.empty');
  });
});
