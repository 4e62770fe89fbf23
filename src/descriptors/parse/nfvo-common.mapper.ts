import type { MonitoringParameter, ScalingBounds, SourceRef, VirtualLink } from '../model';
import { pointerJoin } from '../model';
import { compact } from './compact';
import type { NfvoMonitoring, NfvoScaling, NfvoVirtualLink } from './nfvo-document';
import { report, type ReadContext } from './read-context';

/** What JSON Schema cannot say: min <= initial <= max (initial defaults to min). */
export function mapScaling(ctx: ReadContext, s: NfvoScaling | undefined, ptr: string): ScalingBounds | undefined {
  if (!s) return undefined;
  const initial = s.initial ?? s.min;
  if (s.min > s.max) return void report(ctx, 'syntax.range', pointerJoin(ptr, 'min'), `"min" is ${s.min} but "max" is ${s.max}; the minimum cannot exceed the maximum`);
  if (initial < s.min || initial > s.max) return void report(ctx, 'syntax.range', pointerJoin(ptr, 'initial'), `"initial" is ${initial}; it must lie between min ${s.min} and max ${s.max}`);
  return { min: s.min, max: s.max, initial };
}

export const at = (ctx: ReadContext, pointer: string): SourceRef => ({ file: ctx.file, pointer });

export const mapVirtualLinks = (ctx: ReadContext, links: NfvoVirtualLink[] = [], ptr: string): VirtualLink[] =>
  links.map((vl, i) => compact({
    id: vl.id,
    connectivityType: vl.connectivity_type,
    connectionPointRefs: vl.connection_points_reference,
    roots: vl.roots,
    qos: vl.qos && compact({ bandwidthMbps: vl.qos.bandwidth_mbps, latencyMs: vl.qos.latency_ms }),
    source: at(ctx, pointerJoin(ptr, i)),
  }));

export const mapMonitoring = (ctx: ReadContext, params: NfvoMonitoring[] = [], ptr: string): MonitoringParameter[] =>
  params.map((m, i) => compact({ name: m.name, unit: m.unit, from: m.from, source: at(ctx, pointerJoin(ptr, i)) }));
