import type { ChainHop, ChainTunnel } from '../domain/flows/compile-chain-flows';
import type { Flow } from '../domain/flows/flow.model';
import { type Beyond, type Packet, type TraceStep, type TraceWorld, tracePacket } from '../domain/flows/trace-packet';

/**
 * Traces one packet of a path's class from where it enters the chain: the functions of the path forward
 * it from the port it came in by to their other port (as a VNF in the path does), tunnels carry it to
 * the far site, and any other port is the outside.
 */
export function traceChain(hops: ChainHop[], tunnels: ChainTunnel[], tables: Map<string, Flow[]>, classifier: Record<string, unknown> | null): TraceStep[] {
  const pairs = new Map<string, Beyond>();
  for (let i = 0; i + 1 < hops.length; i++) {
    const [a, b] = [hops[i].attachment, hops[i + 1].attachment];
    if (hops[i].functionId && hops[i].functionId === hops[i + 1].functionId && a.kind === 'port' && b.kind === 'port') {
      pairs.set(`${a.siteId}/${a.port}`, { kind: 'function', functionId: hops[i].functionId!, outPort: b.port });
      pairs.set(`${b.siteId}/${b.port}`, { kind: 'function', functionId: hops[i].functionId!, outPort: a.port });
    }
  }
  // A function passed through one port only (one-armed) sends the packet back out of that port; the
  // path's first and last hops are where it starts and ends.
  for (const h of hops.slice(1, -1)) {
    const at = h.attachment;
    if (h.functionId && at.kind === 'port' && !pairs.has(`${at.siteId}/${at.port}`)) pairs.set(`${at.siteId}/${at.port}`, { kind: 'function', functionId: h.functionId, outPort: at.port });
  }
  const world: TraceWorld = {
    flows: (site) => tables.get(site) ?? [],
    beyond: (site, port) => {
      const t = tunnels.find((x) => x.port === port && (x.siteA === site || x.siteB === site));
      if (t) return { kind: 'tunnel', site: t.siteA === site ? t.siteB : t.siteA, port };
      return pairs.get(`${site}/${port}`) ?? { kind: 'exit', what: hops.find((h) => h.attachment.kind === 'port' && h.attachment.port === port)?.connectionPointRef ?? `port ${port}` };
    },
  };
  const first = hops[0]?.attachment;
  const firstPort = hops.find((h) => h.attachment.kind === 'port')?.attachment;
  if (!first || !firstPort || firstPort.kind !== 'port') return [];
  const start = first.kind === 'sap' ? { site: firstPort.siteId, inPort: 'access' } : { site: first.siteId, inPort: first.port };
  return tracePacket(world, start, samplePacket(classifier));
}

/** A packet of the class: its protocol and destination port, an address inside its prefixes. */
function samplePacket(c: Record<string, unknown> | null): Packet {
  const proto = c?.protocol === 'udp' || c?.protocol === 'icmp' ? c.protocol : 'tcp';
  const inside = (cidr: unknown, fallback: string) => (typeof cidr === 'string' ? cidr.split('/')[0] : fallback);
  return {
    dlDst: '02:00:00:00:00:00', proto, nwSrc: inside(c?.sourceCidr, '198.51.100.10'), nwDst: inside(c?.destinationCidr, '203.0.113.10'),
    ...(proto === 'icmp' ? {} : { tpSrc: 40000, tpDst: typeof c?.destinationPort === 'number' ? c.destinationPort : 80 }),
  };
}
