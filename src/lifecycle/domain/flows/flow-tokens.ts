import { isIP } from 'node:net';

/**
 * Everything that reaches a switch command is one of these tokens, checked here: a value from a
 * descriptor, a VIM answer or the registry that does not match is refused, never quoted or escaped.
 */
export class FlowInputError extends Error {
  readonly retryable = false;
}

const check = (ok: boolean, what: string, v: unknown): void => {
  if (!ok) throw new FlowInputError(`${what} ${JSON.stringify(v)} is not valid for a switch flow`);
};

/** Bridge and port names: Linux interface names (at most 15 characters, IFNAMSIZ - 1) of a safe alphabet. */
export function portName(v: unknown, what = 'port name'): string {
  check(typeof v === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/.test(v), what, v);
  return v as string;
}

export function macAddress(v: unknown): string {
  check(typeof v === 'string' && /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/.test(v), 'MAC address', v);
  return (v as string).toLowerCase();
}

export function ipv4Address(v: unknown): string {
  check(typeof v === 'string' && isIP(v) === 4, 'IPv4 address', v);
  return v as string;
}

/** An IPv4 address or prefix (`10.0.0.0/24`). */
export function ipv4Prefix(v: unknown): string {
  const [addr, len, ...rest] = typeof v === 'string' ? v.split('/') : [];
  check(rest.length === 0 && isIP(addr ?? '') === 4 && (len === undefined || (/^\d{1,2}$/.test(len) && Number(len) <= 32)), 'IPv4 prefix', v);
  return v as string;
}

export function transportPort(v: unknown): number {
  check(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 65535, 'transport port', v);
  return v as number;
}

/** A VXLAN or GRE key: 24 bits (RFC 7348 cl. 5; OVS takes GRE keys up to 32 bits, chains use 24). */
export function vni(v: unknown): number {
  check(Number.isInteger(v) && (v as number) >= 1 && (v as number) < 2 ** 24, 'VNI', v);
  return v as number;
}

export function cookie(v: unknown): string {
  check(typeof v === 'string' && /^0x[0-9a-f]{16}$/.test(v), 'flow cookie', v);
  return v as string;
}
