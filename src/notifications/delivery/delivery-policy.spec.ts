import { parseCallbackAllow } from './callback-allow';
import { deliveryPolicy, nextAttempt } from './delivery-policy';

describe('delivery policy', () => {
  const created = new Date('2026-01-01T00:00:00Z');
  const at = (ms: number) => new Date(created.getTime() + ms);
  const delay = (r: ReturnType<typeof nextAttempt>, now: Date) => ('at' in r ? r.at.getTime() - now.getTime() : -1);

  it('has the documented defaults', () => {
    const p = deliveryPolicy();
    expect(p).toMatchObject({ timeoutMs: 10000, maxResponseBytes: 65536, horizonMs: 86400000, leaseMs: 60000, sweepIntervalMs: 5000 });
    expect(p.backoff).toEqual({ baseMs: 1000, factor: 2, maxMs: 300000, jitter: 0.2 });
    expect(p.allowAddresses('127.0.0.1')).toBe(false);
  });

  it('refuses a policy that cannot work', () => {
    expect(() => deliveryPolicy({ timeoutMs: 20000, leaseMs: 60000 })).toThrow(/leaseMs .* 4 x timeoutMs/);
    expect(() => deliveryPolicy({ backoff: { jitter: 1.5, baseMs: 0 } })).toThrow(/baseMs, backoff.jitter/);
  });

  it('grows the delay exponentially up to the maximum', () => {
    const p = deliveryPolicy({ backoff: { jitter: 0 } });
    const now = at(1000);
    expect([1, 2, 3, 4, 10, 30].map((n) => delay(nextAttempt(n, now, created, p), now))).toEqual([1000, 2000, 4000, 8000, 300000, 300000]);
  });

  it('jitters each delay by at most the jitter fraction, downwards', () => {
    const p = deliveryPolicy();
    const now = at(0);
    expect(delay(nextAttempt(3, now, created, p, () => 0), now)).toBe(4000);
    expect(delay(nextAttempt(3, now, created, p, () => 0.999999), now)).toBeCloseTo(3200, 0);
    const samples = Array.from({ length: 200 }, () => delay(nextAttempt(3, now, created, p), now));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(3200);
    expect(Math.max(...samples)).toBeLessThanOrEqual(4000);
    expect(new Set(samples).size).toBeGreaterThan(100);
  });

  it('moves the last retry to the horizon, then gives up', () => {
    const p = deliveryPolicy({ horizonMs: 10000, backoff: { jitter: 0 } });
    expect(nextAttempt(4, at(9000), created, p)).toEqual({ at: at(10000) });
    expect(nextAttempt(5, at(10000), created, p)).toEqual({ giveUp: true });
  });

  it('parses NFVO_CALLBACK_ALLOW addresses and prefixes', () => {
    const allow = parseCallbackAllow(' 127.0.0.0/8, ::1 ,10.1.2.3');
    expect(['127.0.0.1', '127.9.9.9', '::1', '::ffff:127.0.0.1', '10.1.2.3'].map(allow)).toEqual([true, true, true, true, true]);
    expect(['169.254.169.254', '10.1.2.4', 'fe80::1', 'not-an-ip'].map(allow)).toEqual([false, false, false, false]);
    expect(parseCallbackAllow('*')('169.254.169.254')).toBe(true);
    expect(parseCallbackAllow(undefined)('127.0.0.1')).toBe(false);
    expect(() => parseCallbackAllow('127.0.0.1/33, localhost, 10.0.0.0/8')).toThrow('not an address or CIDR prefix: 127.0.0.1/33, localhost');
  });
});
