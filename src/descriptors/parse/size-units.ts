import { readEnum, readNumber } from './read-fields';
import { readObject } from './read-collections';
import type { Need, Obj, ReadContext } from './read-context';

/**
 * Bytes per unit of SONATA's memory_units (decimal kB/MB/GB/TB are SI, KiB/MiB/GiB/TiB binary;
 * "PT" and "PiT" are spelled as in the upstream schemas) plus Kubernetes' Mi/Gi, which Pishahang's
 * CSD schema accepts.
 */
const BYTES: Readonly<Record<string, number>> = {
  B: 1, kB: 1e3, KiB: 2 ** 10, MB: 1e6, MiB: 2 ** 20, Mi: 2 ** 20, GB: 1e9, GiB: 2 ** 30, Gi: 2 ** 30,
  TB: 1e12, TiB: 2 ** 40, PT: 1e15, PiT: 2 ** 50,
};
export const SIZE_UNITS = Object.keys(BYTES);

// Rounded up: a unit never gets less than its descriptor asked for ("2 GB" is 1908 MiB, not 1907).
const inUnit = (size: number, unit: string, per: number): number => Math.max(1, Math.ceil((size * BYTES[unit]) / per - 1e-9));
export const toMiB = (size: number, unit: string): number => inUnit(size, unit, 2 ** 20);
export const toGiB = (size: number, unit: string): number => inUnit(size, unit, 2 ** 30);

/** `{ size, size_unit }` (unit defaults to MB, as the upstream schemas say) in whole MiB or GiB. */
export function readSize(ctx: ReadContext, o: Obj, key: string, target: 'MiB' | 'GiB', need: Need = {}): number | undefined {
  const sized = readObject(ctx, o, key, need);
  if (!sized) return undefined;
  const size = readNumber(ctx, sized, 'size', { required: true, min: 0, exclusiveMin: true });
  const unit = readEnum(ctx, sized, 'size_unit', SIZE_UNITS) ?? (sized.value.size_unit == null ? 'MB' : undefined);
  if (size === undefined || unit === undefined) return undefined;
  return target === 'MiB' ? toMiB(size, unit) : toGiB(size, unit);
}

const MBPS: Readonly<Record<string, number>> = { bps: 1e-6, kbps: 1e-3, Mbps: 1, Gbps: 1e3, Tbps: 1e6 };
export const BANDWIDTH_UNITS = Object.keys(MBPS);

/** `{ bandwidth, bandwidth_unit }` (5GTANGO QoS; unit defaults to bps as in its schema) in Mbit/s. */
export function readBandwidthMbps(ctx: ReadContext, o: Obj, key: string): number | undefined {
  const b = readObject(ctx, o, key);
  if (!b) return undefined;
  const value = readNumber(ctx, b, 'bandwidth', { required: true, min: 0, exclusiveMin: true });
  const unit = readEnum(ctx, b, 'bandwidth_unit', BANDWIDTH_UNITS) ?? (b.value.bandwidth_unit == null ? 'bps' : undefined);
  return value === undefined || unit === undefined ? undefined : value * MBPS[unit];
}
