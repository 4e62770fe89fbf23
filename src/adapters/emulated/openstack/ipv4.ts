/** IPv4 arithmetic for Neutron subnets; IPv6 subnets are not emulated yet. */
export const toInt = (ip: string): number => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
export const toIp = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

export function isIpv4(ip: string): boolean {
  const parts = ip.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) < 256);
}

export function parseCidr(cidr: string): { network: number; size: number } | undefined {
  const [ip, bits] = cidr.split('/');
  const prefix = Number(bits);
  if (!ip || !isIpv4(ip) || !Number.isInteger(prefix) || prefix < 8 || prefix > 30) return undefined;
  const size = 2 ** (32 - prefix);
  return { network: toInt(ip) - (toInt(ip) % size), size };
}

export function inCidr(ip: string, cidr: string): boolean {
  const c = parseCidr(cidr);
  return !!c && isIpv4(ip) && toInt(ip) >= c.network && toInt(ip) < c.network + c.size;
}

/**
 * Neutron's defaults: the gateway is the first host address, the allocation pool is every
 * other host address (network and broadcast addresses excluded). Networking API ref, "Create subnet".
 */
export function defaultsFor(cidr: string): { gateway: string; pool: { start: string; end: string } } {
  const c = parseCidr(cidr)!;
  return { gateway: toIp(c.network + 1), pool: { start: toIp(c.network + 2), end: toIp(c.network + c.size - 2) } };
}

/** The first free address of the pools, or undefined when the subnet is exhausted. */
export function firstFree(pools: { start: string; end: string }[], taken: Set<string>): string | undefined {
  for (const p of pools) {
    for (let n = toInt(p.start); n <= toInt(p.end); n++) if (!taken.has(toIp(n))) return toIp(n);
  }
  return undefined;
}

/** Neutron's base MAC is fa:16:3e with three random octets. */
export function randomMac(): string {
  const octet = () => Math.floor(Math.random() * 256).toString(16).padStart(2, '0');
  return `fa:16:3e:${octet()}:${octet()}:${octet()}`;
}
