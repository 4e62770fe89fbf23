import { isIP } from 'node:net';
import type { TrafficClassifier } from '../../../descriptors/model';
import { NfvoError } from '../../../shared/nfvo-error';

/** SOL005 NfpRule (cl. 6.5.3.40), the members this NFVO can turn into switch flow matches. */
export interface NfpRule {
  protocol?: string;
  sourceIpAddressPrefix?: string;
  destinationIpAddressPrefix?: string;
  destinationPortRange?: { lowerPort?: number; upperPort?: number };
  [other: string]: unknown;
}

const SUPPORTED = new Set(['protocol', 'sourceIpAddressPrefix', 'destinationIpAddressPrefix', 'destinationPortRange']);

function prefix(v: unknown, member: string): string {
  const [addr, len, extra] = typeof v === 'string' ? v.split('/') : [];
  const max = isIP(addr ?? '') === 6 ? 128 : 32;
  if (!isIP(addr ?? '') || extra !== undefined || (len !== undefined && !(/^\d{1,3}$/.test(len) && Number(len) <= max))) {
    throw new NfvoError('UNPROCESSABLE', `nfpRule.${member} ${JSON.stringify(v)} is not an IP address prefix (such as 10.0.0.0/8 or 2001:db8::/32).`);
  }
  return len === undefined ? `${addr}/${max}` : `${addr}/${len}`;
}

/**
 * An NfpRule as the classifier of a chain: which traffic enters the path. The rule reaches switch flows,
 * so every member is checked strictly; members this NFVO cannot match on (Ethernet addresses, VLAN tags,
 * DSCP, source ports, port ranges wider than one port) are refused by name rather than ignored.
 */
export function classifierOf(rule: NfpRule): TrafficClassifier {
  const unsupported = Object.keys(rule).filter((k) => !SUPPORTED.has(k));
  if (unsupported.length) throw new NfvoError('UNPROCESSABLE', `nfpRule members ${unsupported.join(', ')} are not supported; this NFVO classifies on protocol, sourceIpAddressPrefix, destinationIpAddressPrefix and a single-port destinationPortRange.`);
  const out: TrafficClassifier = {};
  if (rule.protocol !== undefined) {
    if (!['TCP', 'UDP', 'ICMP'].includes(String(rule.protocol))) throw new NfvoError('UNPROCESSABLE', `nfpRule.protocol ${JSON.stringify(rule.protocol)} is not one of TCP, UDP, ICMP.`);
    out.protocol = String(rule.protocol).toLowerCase() as TrafficClassifier['protocol'];
  }
  if (rule.sourceIpAddressPrefix !== undefined) out.sourceCidr = prefix(rule.sourceIpAddressPrefix, 'sourceIpAddressPrefix');
  if (rule.destinationIpAddressPrefix !== undefined) out.destinationCidr = prefix(rule.destinationIpAddressPrefix, 'destinationIpAddressPrefix');
  const r = rule.destinationPortRange;
  if (r !== undefined) {
    const ok = (p: unknown) => Number.isInteger(p) && (p as number) >= 0 && (p as number) <= 65535;
    if (!r || typeof r !== 'object' || !ok(r.lowerPort) || !ok(r.upperPort) || r.lowerPort !== r.upperPort) {
      throw new NfvoError('UNPROCESSABLE', `nfpRule.destinationPortRange ${JSON.stringify(r)} must name one port (lowerPort = upperPort, 0-65535).`);
    }
    if (out.protocol !== 'tcp' && out.protocol !== 'udp') throw new NfvoError('UNPROCESSABLE', 'nfpRule.destinationPortRange needs protocol TCP or UDP.');
    out.destinationPort = r.lowerPort;
  }
  return out;
}

/** The classifier of a chain as an NfpRule (for NfpInfo.nfpRule). */
export function nfpRuleOf(c: TrafficClassifier | null | undefined): NfpRule {
  if (!c) return {};
  return {
    ...(c.protocol && c.protocol !== 'any' ? { protocol: c.protocol.toUpperCase() } : {}),
    ...(c.sourceCidr ? { sourceIpAddressPrefix: c.sourceCidr } : {}),
    ...(c.destinationCidr ? { destinationIpAddressPrefix: c.destinationCidr } : {}),
    ...(c.destinationPort !== undefined ? { destinationPortRange: { lowerPort: c.destinationPort, upperPort: c.destinationPort } } : {}),
  };
}
