import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { writeTestZip } from '../../../test/fixtures/packages/test-zip';
import { unpackZip, type UnpackedEntry } from '../archive';
import type { BlobStore } from '../ports/blob-store.port';
import type { PackageFile } from '../ports/package-file-store.port';
import { openPackageFile } from './open-package-file';

const readAll = async (s: Readable) => {
  const out: Buffer[] = [];
  for await (const c of s) out.push(Buffer.from(c as Buffer));
  return Buffer.concat(out);
};

/** A blob store over one buffer that hands out 1 KiB pieces on demand and counts what was read. */
function blobStoreOf(bytes: Buffer) {
  const stats = { read: 0, ranges: [] as Array<{ start: number; end: number } | undefined> };
  const open = (_id: string, range?: { start: number; end: number }) => {
    stats.ranges.push(range);
    const slice = range ? bytes.subarray(range.start, range.end + 1) : bytes;
    return Readable.from((function* () {
      for (let at = 0; at < slice.length; at += 1024) {
        stats.read += Math.min(1024, slice.length - at);
        yield slice.subarray(at, at + 1024);
      }
    })(), { objectMode: false });
  };
  const store: BlobStore = { open, openWhole: (id) => open(id), put: () => Promise.reject(new Error('read only')), delete: () => Promise.resolve() };
  return { store, stats };
}

describe('openPackageFile: a package file read back from where it lies in the stored ZIP', () => {
  let tmp: string;
  let zip: Buffer;
  let entries: Map<string, UnpackedEntry>;
  const contents: Record<string, Buffer> = {
    'images/vm.qcow2': randomBytes(300 * 1024), // stored, as images are
    'scripts/config.txt': Buffer.from(randomBytes(1024 * 1024).toString('hex')), // deflated, about 2:1
    'empty.txt': Buffer.alloc(0),
  };
  const fileOf = (name: string): PackageFile => {
    const e = entries.get(name)!;
    return { path: name, role: 'artifact', size: e.size, blobId: 'package', location: e.location };
  };

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'nfvo-open-file-'));
    const file = path.join(tmp, 'p.zip');
    await writeTestZip(file, [
      { name: 'images/vm.qcow2', data: contents['images/vm.qcow2'], compress: false },
      { name: 'scripts/config.txt', data: contents['scripts/config.txt'], compress: true },
      { name: 'empty.txt', data: '' },
    ]);
    zip = await readFile(file);
    entries = new Map((await unpackZip(file, path.join(tmp, 'out'))).entries.map((e) => [e.path, e]));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('records where each entry lies: stored or deflated, and its compressed size', () => {
    expect(entries.get('images/vm.qcow2')!.location).toMatchObject({ compression: 'stored', compressedSize: 300 * 1024 });
    const text = entries.get('scripts/config.txt')!.location;
    expect(text.compression).toBe('deflate');
    expect(text.compressedSize).toBeLessThan(contents['scripts/config.txt'].length * 0.6);
  });

  it('serves every file whole, byte for byte', async () => {
    const { store } = blobStoreOf(zip);
    for (const [name, data] of Object.entries(contents)) expect((await readAll(openPackageFile(store, fileOf(name)))).equals(data)).toBe(true);
  });

  it('serves inclusive byte ranges of stored and deflated files, clamped to the file', async () => {
    const { store } = blobStoreOf(zip);
    for (const name of ['images/vm.qcow2', 'scripts/config.txt']) {
      const data = contents[name];
      for (const [start, end] of [[0, 0], [10, 99], [70_000, 200_000], [data.length - 5, data.length - 1], [data.length - 1, data.length + 100]]) {
        expect((await readAll(openPackageFile(store, fileOf(name), { start, end }))).equals(data.subarray(start, end + 1))).toBe(true);
      }
    }
  });

  it('reads only the bytes of a stored range, and stops inflating once a deflated range is served', async () => {
    const stored = blobStoreOf(zip);
    const loc = fileOf('images/vm.qcow2').location!;
    await readAll(openPackageFile(stored.store, fileOf('images/vm.qcow2'), { start: 100, end: 199 }));
    expect(stored.stats.ranges).toEqual([{ start: loc.dataOffset + 100, end: loc.dataOffset + 199 }]);
    const deflated = blobStoreOf(zip);
    await readAll(openPackageFile(deflated.store, fileOf('scripts/config.txt'), { start: 0, end: 99 }));
    expect(deflated.stats.read).toBeLessThan(fileOf('scripts/config.txt').location!.compressedSize / 4);
  });

  it('reads a file stored as a blob of its own (no location) straight from that blob', async () => {
    const own = Buffer.from('a descriptor of its own');
    const { store, stats } = blobStoreOf(own);
    const f: PackageFile = { path: 'nsd.yaml', role: 'descriptor', size: own.length, blobId: 'nsd' };
    expect((await readAll(openPackageFile(store, f, { start: 2, end: 11 }))).toString()).toBe(own.subarray(2, 12).toString());
    expect(stats.ranges).toEqual([{ start: 2, end: 11 }]);
  });
});
