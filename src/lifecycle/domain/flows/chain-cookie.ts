import { createHash } from 'node:crypto';

/**
 * A chain's flows carry one cookie, derived from the NS instance and the chain's name, so they are
 * replaced, counted and removed by cookie (`cookie=<c>/-1`) without touching any other flow. The top
 * byte is fixed (0x4e, "N") so an operator reading `dump-flows` tells the NFVO's flows apart; the
 * remaining 56 bits come from SHA-256.
 */
export function chainCookie(nsInstanceId: string, chainName: string): string {
  const h = createHash('sha256').update(`${nsInstanceId}/${chainName}`).digest('hex').slice(0, 14);
  return `0x4e${h}`;
}

/**
 * A WAN tunnel's switch port name and key, from the tunnel's plan name (which is unique per NS instance,
 * virtual link and site pair): `nv` + 12 hex characters fits an interface name, and the key is the hash's
 * next 24 bits. Two tunnels with the same key between the same endpoints are refused by the driver.
 */
export function tunnelPort(tunnelName: string): { port: string; vni: number } {
  const h = createHash('sha256').update(tunnelName).digest('hex');
  return { port: `nv${h.slice(0, 12)}`, vni: (parseInt(h.slice(12, 18), 16) % (2 ** 24 - 1)) + 1 };
}
