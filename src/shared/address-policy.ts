import { isIP } from 'node:net';

/**
 * Addresses an outbound request from the NFVO must not reach unless explicitly allowed: loopback,
 * link-local (cloud metadata at 169.254.169.254 included), unspecified and multicast. Guards
 * package downloads and (later) notification callbacks against server-side request forgery.
 */
export function isSensitiveAddress(ip: string): boolean {
  const v = isIP(ip);
  if (v === 4) {
    const [a, b] = ip.split('.').map(Number);
    return a === 127 || a === 0 || (a === 169 && b === 254) || a >= 224;
  }
  if (v === 6) {
    const x = ip.toLowerCase();
    if (x.startsWith('::ffff:')) return isSensitiveAddress(x.slice(7));
    return x === '::1' || x === '::' || x.startsWith('fe8') || x.startsWith('fe9') || x.startsWith('fea') || x.startsWith('feb') || x.startsWith('ff');
  }
  return true;
}
