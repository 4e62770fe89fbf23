import { isSensitiveAddress } from './address-policy';

describe('isSensitiveAddress', () => {
  it.each(['127.0.0.1', '127.1.2.3', '169.254.169.254', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', '::ffff:127.0.0.1', 'ff02::1', 'not-an-ip'])('refuses %s', (ip) => {
    expect(isSensitiveAddress(ip)).toBe(true);
  });
  it.each(['10.0.0.1', '192.0.2.10', '8.8.8.8', '2001:db8::1'])('allows %s', (ip) => {
    expect(isSensitiveAddress(ip)).toBe(false);
  });
});
