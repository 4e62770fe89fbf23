import type { Finding } from '../model';
import { toGiB, toMiB, readBandwidthMbps, readSize } from './size-units';

describe('size units', () => {
  it.each([
    [2, 'GB', 1908], [2, 'GiB', 2048], [128, 'Mi', 128], [512, 'MB', 489], [1, 'B', 1], [1, 'TB', 953675], [1, 'kB', 1], [1024, 'KiB', 1],
  ])('%d %s is %d MiB, never less than asked', (size, unit, mib) => expect(toMiB(size, unit)).toBe(mib));

  it.each([[10, 'GB', 10], [20, 'GB', 19], [1, 'TiB', 1024], [500, 'MB', 1]])('%d %s is %d GiB', (size, unit, gib) => expect(toGiB(size, unit)).toBe(gib));

  it('reads size and unit, defaulting to MB, and reports bad ones', () => {
    const findings: Finding[] = [];
    const ctx = { file: 'f', findings };
    const o = { value: { a: { size: 1000 }, b: { size: -1, size_unit: 'GB' }, c: { size: 1, size_unit: 'GBs' }, d: 3 }, ptr: '/x' };
    expect(['a', 'b', 'c', 'd'].map((k) => readSize(ctx, o, k, 'MiB'))).toEqual([954, undefined, undefined, undefined]);
    expect(findings.map((f) => [f.code, f.pointer])).toEqual([['syntax.range', '/x/b/size'], ['syntax.enum', '/x/c/size_unit'], ['syntax.type', '/x/d']]);
    expect(findings[1].message).toContain("did you mean 'GB'?");
  });

  it('converts bandwidth to Mbit/s', () => {
    const ctx = { file: 'f', findings: [] };
    expect(readBandwidthMbps(ctx, { value: { b: { bandwidth: 500, bandwidth_unit: 'kbps' } }, ptr: '' }, 'b')).toBe(0.5);
  });
});
