/**
 * An OpenFlow rule as data: what the flow compiler produces, the Open vSwitch driver renders for
 * `ovs-ofctl add-flows`, and the emulated switch interprets to trace a packet. Only the fields chains
 * use: steering matches on the ingress port, the destination MAC and the traffic class (OpenFlow 1.0
 * 12-tuple subset), and actions rewrite the destination MAC and output, hand over to the switch's
 * own L2 forwarding (NORMAL), or drop.
 */
export type FlowProto = 'ip' | 'tcp' | 'udp' | 'icmp';

export interface FlowMatch {
  inPort?: string;
  dlDst?: string;
  proto: FlowProto;
  nwSrc?: string;
  nwDst?: string;
  tpSrc?: number;
  tpDst?: number;
}

export type FlowAction = { setDlDst: string } | { output: string } | { normal: true } | { drop: true };

export interface Flow {
  cookie: string;
  priority: number;
  match: FlowMatch;
  actions: FlowAction[];
}

/**
 * Priorities of a chain's flows: steering by port first; then the class arriving from the chain's own
 * ports and tunnels unsteered is dropped (it would bypass a function), before the entry takes the class
 * from any other port.
 */
export const PRIORITY = { hop: 40000, drop: 35000, entry: 30000 } as const;

/** The flow as one `ovs-ofctl` flow line (ovs-fields(7), ovs-actions(7)); every token was validated before. */
export function renderFlow(f: Flow): string {
  const m = f.match;
  const match = [
    m.proto,
    m.inPort !== undefined && `in_port=${m.inPort}`,
    m.dlDst !== undefined && `dl_dst=${m.dlDst}`,
    m.nwSrc !== undefined && `nw_src=${m.nwSrc}`,
    m.nwDst !== undefined && `nw_dst=${m.nwDst}`,
    m.tpSrc !== undefined && `tp_src=${m.tpSrc}`,
    m.tpDst !== undefined && `tp_dst=${m.tpDst}`,
  ].filter(Boolean);
  const actions = f.actions.map((a) => ('setDlDst' in a ? `mod_dl_dst:${a.setDlDst}` : 'output' in a ? `output:${a.output}` : 'normal' in a ? 'NORMAL' : 'drop'));
  return `cookie=${f.cookie},priority=${f.priority},${match.join(',')},actions=${actions.join(',')}`;
}

/** Same match and priority: OpenFlow keeps one of the two, so two such flows of different chains collide. */
export const flowKey = (f: Flow): string => renderFlow({ ...f, cookie: '', actions: [] });
