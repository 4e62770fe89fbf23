import type { TrafficClassifier } from '../../../descriptors/model';
import { type Flow, type FlowAction, type FlowMatch, PRIORITY, flowKey } from './flow.model';
import { FlowInputError, cookie as cookieToken, ipv4Prefix, macAddress, portName, transportPort } from './flow-tokens';

/** Where a hop of a path meets a switch: a port with the MAC behind it, or a service access point outside the NS. */
export type Attachment = { kind: 'port'; siteId: string; port: string; mac: string } | { kind: 'sap' };

export interface ChainHop { connectionPointRef: string; functionId: string | null; attachment: Attachment }

/** A WAN tunnel's port between two sites (the same port name on both sides). */
export interface ChainTunnel { siteA: string; siteB: string; port: string }

export interface ChainFlowsInput { cookie: string; classifier: TrafficClassifier | null; hops: ChainHop[]; tunnels: ChainTunnel[] }

type Port = Extract<Attachment, { kind: 'port' }>;
type Class = Omit<FlowMatch, 'inPort' | 'dlDst'>;

/**
 * The flows of one forwarding path, per site (SONATA's steering: rewrite the destination MAC hop to hop).
 * Consecutive hops on one function are its visit (in, out). Forward traffic of the path's class leaving a
 * visit's `out` is sent to the next visit's `in`: on the same switch directly, across sites through the
 * tunnel (the far side matches the tunnel port and the rewritten MAC). Return traffic (the class mirrored)
 * leaving `in` goes back to the previous `out`. A service access point as first hop is the entry:
 * the class arriving on any port of that site is steered in; as last hop, or on the way back to the
 * entry, traffic leaves the chain through the switch's own L2 forwarding (NORMAL). A function passed
 * through one port (one-armed) gets its return traffic steered back only when the class tells the two
 * directions apart (a port or prefixes); otherwise the forward flows decide.
 */
export function compileChainFlows(input: ChainFlowsInput): Map<string, Flow[]> {
  const cookie = cookieToken(input.cookie);
  const { fwd, rev } = classesOf(input.classifier);
  const out = new Map<string, Map<string, Flow>>();
  let returning = false;
  const put = (site: string, priority: number, match: FlowMatch, actions: FlowAction[]) => {
    const flow = { cookie, priority, match, actions };
    const flows = out.get(site) ?? out.set(site, new Map()).get(site)!;
    const prior = flows.get(flowKey(flow));
    // A function passed through one port, with a class that is its own mirror (no port, no prefixes):
    // its return traffic cannot be told from the forward traffic, and the forward direction decides.
    if (prior && returning) return;
    if (prior && JSON.stringify(prior.actions) !== JSON.stringify(actions)) throw new FlowInputError(`the path steers the same traffic two ways at site ${site} (${match.inPort ?? 'entry'}): a port is passed twice in one direction`);
    flows.set(flowKey(flow), flow);
  };
  const tunnel = (from: string, to: string) => {
    const t = input.tunnels.find((x) => (x.siteA === from && x.siteB === to) || (x.siteA === to && x.siteB === from));
    if (!t) throw new FlowInputError(`no WAN tunnel joins site ${from} and site ${to}, which the path crosses`);
    return portName(t.port, 'tunnel port');
  };
  const segment = (from: Attachment, to: Attachment, cls: Class) => {
    if (from.kind === 'sap' && to.kind === 'sap') throw new FlowInputError('a path cannot go from one service access point straight to another');
    if (from.kind === 'sap') { const t = to as Port; return put(t.siteId, PRIORITY.entry, cls, [{ setDlDst: t.mac }, { output: t.port }]); }
    if (to.kind === 'sap') return put(from.siteId, PRIORITY.hop, { ...cls, inPort: from.port }, [{ normal: true }]);
    if (from.siteId === to.siteId) return put(from.siteId, PRIORITY.hop, { ...cls, inPort: from.port }, [{ setDlDst: to.mac }, { output: to.port }]);
    const t = tunnel(from.siteId, to.siteId);
    put(from.siteId, PRIORITY.hop, { ...cls, inPort: from.port }, [{ setDlDst: to.mac }, { output: t }]);
    put(to.siteId, PRIORITY.hop, { ...cls, inPort: t, dlDst: to.mac }, [{ output: to.port }]);
  };
  const visits = visitsOf(input.hops);
  for (let i = 1; i < visits.length; i++) segment(visits[i - 1].out, visits[i].in, fwd);
  returning = true;
  for (let i = 1; i < visits.length; i++) segment(visits[i].in, visits[i - 1].out, rev);
  returning = false;
  // The class is dropped where it enters from the chain's own ports and tunnels unless steered: a
  // function that answers directly, or traffic arriving over the WAN for no hop, cannot bypass the chain.
  for (const [site, flows] of out) {
    const ports = new Set([...flows.values()].map((f) => f.match.inPort).filter((p): p is string => p !== undefined));
    for (const inPort of ports) for (const cls of [fwd, rev]) put(site, PRIORITY.drop, { ...cls, inPort }, [{ drop: true }]);
  }
  return new Map([...out].map(([site, flows]) => [site, [...flows.values()]]));
}

/** Consecutive hops on one function form one visit; every service access point hop is a visit of its own. */
function visitsOf(hops: ChainHop[]): Array<{ in: Attachment; out: Attachment }> {
  const visits: Array<{ fn: string | null; in: Attachment; out: Attachment }> = [];
  for (const h of hops) {
    const a = h.attachment.kind === 'port' ? { ...h.attachment, port: portName(h.attachment.port), mac: macAddress(h.attachment.mac) } : h.attachment;
    const last = visits[visits.length - 1];
    if (last && h.functionId !== null && last.fn === h.functionId) last.out = a;
    else visits.push({ fn: h.functionId, in: a, out: a });
  }
  return visits;
}

/** The path's traffic class and its mirror (the return direction): sources and destinations swapped. */
function classesOf(c: TrafficClassifier | null): { fwd: Class; rev: Class } {
  const proto = c?.protocol && c.protocol !== 'any' ? c.protocol : 'ip';
  if (c?.destinationPort !== undefined && proto !== 'tcp' && proto !== 'udp') throw new FlowInputError(`a classifier with a destination port needs protocol tcp or udp, not ${c.protocol ?? 'none'}`);
  const src = c?.sourceCidr !== undefined ? ipv4Prefix(c.sourceCidr) : undefined;
  const dst = c?.destinationCidr !== undefined ? ipv4Prefix(c.destinationCidr) : undefined;
  const port = c?.destinationPort !== undefined ? transportPort(c.destinationPort) : undefined;
  const def = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return {
    fwd: def({ proto, nwSrc: src, nwDst: dst, tpDst: port }),
    rev: def({ proto, nwSrc: dst, nwDst: src, tpSrc: port }),
  };
}
