import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import path from 'node:path';
import { zeros } from '../../../test/fixtures/packages/test-zip';
import { EntryLimitGuard } from './entry-limit-guard';
import { checkEntryName } from './entry-name.rules';
import { DEFAULT_UNPACK_LIMITS } from './unpack-limits';

const sink = () => new Writable({ write: (_c, _e, done) => done() });
const MiB = 1024 * 1024;

describe('EntryLimitGuard (counts real bytes, whatever the headers say)', () => {
  it('fails as soon as the actual output passes the ratio, not after inflating everything', async () => {
    let seen = 0;
    const guard = new EntryLimitGuard('disk.img', 1000, DEFAULT_UNPACK_LIMITS, { totalBytes: 0 });
    guard.on('data', (c: Buffer) => (seen += c.length));
    await expect(pipeline(zeros(512 * MiB), guard, sink())).rejects.toMatchObject({ code: 'package.ratio', file: 'disk.img' });
    expect(seen).toBeLessThanOrEqual(DEFAULT_UNPACK_LIMITS.ratioFloorBytes); // floor = max(1 MiB, 100 x 1000 B)
  });

  it('shares the total across entries', async () => {
    const tally = { totalBytes: 0 };
    const limits = { ...DEFAULT_UNPACK_LIMITS, maxTotalBytes: 3 * MiB };
    await pipeline(zeros(2 * MiB), new EntryLimitGuard('a', 2 * MiB, limits, tally), sink());
    await expect(pipeline(zeros(2 * MiB), new EntryLimitGuard('b', 2 * MiB, limits, tally), sink())).rejects.toMatchObject({ code: 'package.total-too-large', file: 'b' });
  });

  it('enforces the per-entry limit', async () => {
    const limits = { ...DEFAULT_UNPACK_LIMITS, maxEntryBytes: MiB };
    await expect(pipeline(zeros(2 * MiB), new EntryLimitGuard('a', 2 * MiB, limits, { totalBytes: 0 }), sink())).rejects.toMatchObject({ code: 'package.entry-too-large' });
  });
});

describe('checkEntryName (property)', () => {
  const root = path.resolve('/srv/unpack');
  const segment = fc.oneof(fc.constantFrom('..', '.', '', 'a', 'META-INF', 'C:', 'x\\y', '\u0000'), fc.string({ maxLength: 6 }));

  it('every accepted name stays strictly inside the target directory and is canonical', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.boolean(), (segs, leadingSlash) => {
        const raw = (leadingSlash ? '/' : '') + segs.join('/');
        let name;
        try {
          name = checkEntryName(raw, DEFAULT_UNPACK_LIMITS);
        } catch (e) {
          expect((e as { code: string }).code).toMatch(/^package\.(path-traversal|bad-name)$/);
          return;
        }
        const target = path.resolve(root, name.path);
        expect(target.startsWith(root + path.sep)).toBe(true);
        expect(path.posix.normalize(name.path)).toBe(name.path);
      }),
      { numRuns: 2000 },
    );
  });
});
