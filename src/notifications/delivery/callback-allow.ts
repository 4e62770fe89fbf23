import { BlockList, isIP } from 'node:net';

/**
 * NFVO_CALLBACK_ALLOW: comma-separated addresses and CIDR prefixes (`127.0.0.1`, `127.0.0.0/8`, `::1`,
 * `fd00::/8`) that callbacks may reach although address-policy calls them sensitive, or `*` for all of them
 * (a lab). Empty: none. Throws listing every bad entry, so the service fails at boot, not at first delivery.
 */
export function parseCallbackAllow(text: string | undefined): (address: string) => boolean {
  const entries = (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (entries.includes('*')) return () => true;
  const list = new BlockList();
  const bad: string[] = [];
  for (const e of entries) {
    const [ip, bits, extra] = e.split('/');
    const v = isIP(ip);
    const prefix = Number(bits);
    if (!v || extra !== undefined || (bits !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= (v === 4 ? 32 : 128)))) bad.push(e);
    else if (bits === undefined) list.addAddress(ip, v === 4 ? 'ipv4' : 'ipv6');
    else list.addSubnet(ip, prefix, v === 4 ? 'ipv4' : 'ipv6');
  }
  if (bad.length) throw new Error(`NFVO_CALLBACK_ALLOW: not an address or CIDR prefix: ${bad.join(', ')}`);
  return (address) => {
    const plain = address.toLowerCase().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
    const v = isIP(plain);
    return v !== 0 && list.check(plain, v === 4 ? 'ipv4' : 'ipv6');
  };
}
