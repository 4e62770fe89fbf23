import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { NfvoError } from '../../shared/nfvo-error';
import { decodeMarker, encodeMarker, INVALID_MARKER_DETAIL } from './opaque-marker.codec';
import { queryFingerprint } from './query-fingerprint.hash';

const secret = Buffer.alloc(32, 7);
const fp = queryFingerprint({ filter: '(eq,nsdOnboardingState,ONBOARDED)', fields: 'nsdName' });

const expectInvalid = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(NfvoError);
    expect((e as NfvoError).code).toBe('INVALID_MARKER');
    expect((e as NfvoError).detail).toBe(INVALID_MARKER_DETAIL);
    return;
  }
  throw new Error('expected INVALID_MARKER');
};

describe('nextpage_opaque_marker codec (SOL013 cl. 5.4.2.1)', () => {
  it('round-trips a bigint sort key', () => {
    for (const key of ['0', '1', '42', '9223372036854775807']) {
      const m = encodeMarker(key, fp, secret);
      expect(m).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeMarker(m, fp, secret)).toBe(key);
    }
  });

  it('round-trips any sequence value (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), fc.string(), (seq, f) => {
        expect(decodeMarker(encodeMarker(seq.toString(), f, secret), f, secret)).toBe(seq.toString());
      }),
    );
  });

  it('does not reveal the query fingerprint and stays short', () => {
    const m = encodeMarker('123456', fp, secret);
    expect(Buffer.from(m, 'base64url').toString('latin1')).not.toContain(fp);
    expect(m.length).toBeLessThan(80);
  });

  it('rejects a marker used with another query', () => {
    const other = queryFingerprint({ filter: '(eq,nsdOnboardingState,CREATED)', fields: 'nsdName' });
    expectInvalid(() => decodeMarker(encodeMarker('10', fp, secret), other, secret));
  });

  it('rejects a marker signed with another secret', () => {
    expectInvalid(() => decodeMarker(encodeMarker('10', fp, randomBytes(32)), fp, secret));
  });

  it('rejects any single changed character (property)', () => {
    const m = encodeMarker('1234567890', fp, secret);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.nat(m.length - 1), fc.constantFrom(...alphabet), (i, ch) => {
        fc.pre(m[i] !== ch);
        expectInvalid(() => decodeMarker(m.slice(0, i) + ch + m.slice(i + 1), fp, secret));
      }),
    );
  });

  it('rejects a forged key that keeps the old MAC', () => {
    const raw = Buffer.from(encodeMarker('100', fp, secret), 'base64url');
    raw.write('9', 1, 'ascii'); // '100' → '900'
    expectInvalid(() => decodeMarker(raw.toString('base64url'), fp, secret));
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/=='],
    ['padding', `${encodeMarker('1', fp, secret)}=`],
    ['too short', Buffer.from([1, 0x31]).toString('base64url')],
    ['too long', 'A'.repeat(500)],
    ['wrong version', Buffer.concat([Buffer.from([2]), Buffer.from('1'), Buffer.alloc(32)]).toString('base64url')],
  ])('rejects a malformed marker (%s)', (_label, marker) => {
    expectInvalid(() => decodeMarker(marker, fp, secret));
  });

  it('rejects arbitrary text with INVALID_MARKER only (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => expectInvalid(() => decodeMarker(s, fp, secret))));
  });

  it('refuses to encode a key that is not a non-negative decimal bigint', () => {
    for (const key of ['', '-1', '01', '1.5', 'abc', '12345678901234567890']) {
      expect(() => encodeMarker(key, fp, secret)).toThrow(TypeError);
    }
  });

  it('refuses a weak secret', () => {
    expect(() => encodeMarker('1', fp, Buffer.alloc(8))).toThrow(/at least 16 bytes/);
    expect(() => decodeMarker('AAAA', fp, Buffer.alloc(8))).toThrow(/at least 16 bytes/);
  });
});
