import { type Flow, type FlowMatch, renderFlow } from './flow.model';

export interface Packet { dlDst: string; proto: 'tcp' | 'udp' | 'icmp'; nwSrc: string; nwDst: string; tpSrc?: number; tpDst?: number }

/** What lies beyond a switch port: a function that sends the frame on out of another port, a tunnel to another site, or the outside. */
export type Beyond = { kind: 'function'; functionId: string; outPort: string } | { kind: 'tunnel'; site: string; port: string } | { kind: 'exit'; what: string };

export interface TraceWorld {
  flows(site: string): Flow[];
  beyond(site: string, port: string): Beyond;
}

export interface TraceStep { site: string; inPort: string; flow: string | null; result: string }

const ipOf = (s: string) => s.split('.').reduce((a, o) => a * 256 + Number(o), 0);
const inPrefix = (addr: string, prefix: string) => {
  const [net, len = '32'] = prefix.split('/');
  const size = 2 ** (32 - Number(len));
  return Math.floor(ipOf(addr) / size) === Math.floor(ipOf(net) / size);
};

function matches(m: FlowMatch, inPort: string, p: Packet): boolean {
  return (m.inPort === undefined || m.inPort === inPort) && (m.dlDst === undefined || m.dlDst === p.dlDst)
    && (m.proto === 'ip' || m.proto === p.proto)
    && (m.nwSrc === undefined || inPrefix(p.nwSrc, m.nwSrc)) && (m.nwDst === undefined || inPrefix(p.nwDst, m.nwDst))
    && (m.tpSrc === undefined || m.tpSrc === p.tpSrc) && (m.tpDst === undefined || m.tpDst === p.tpDst);
}

/**
 * Follows a packet through the sites' flow tables as `ovs-appctl ofproto/trace` would on each switch, and
 * on through what lies beyond each output port (functions forward it, tunnels carry it to the far site),
 * until it leaves the chain, is dropped, or misses every flow (dropped: the bridges are fail-secure).
 */
export function tracePacket(world: TraceWorld, start: { site: string; inPort: string }, packet: Packet, maxSteps = 64): TraceStep[] {
  const steps: TraceStep[] = [];
  let at = start;
  let p = { ...packet };
  for (let i = 0; i < maxSteps; i++) {
    const flow = world.flows(at.site).filter((f) => matches(f.match, at.inPort, p)).sort((a, b) => b.priority - a.priority)[0];
    const step: TraceStep = { site: at.site, inPort: at.inPort, flow: flow ? renderFlow(flow) : null, result: '' };
    steps.push(step);
    if (!flow) { step.result = 'no flow matched: dropped'; return steps; }
    let out: string | undefined;
    for (const a of flow.actions) {
      if ('setDlDst' in a) p = { ...p, dlDst: a.setDlDst };
      else if ('output' in a) out = a.output;
      else if ('normal' in a) { step.result = 'NORMAL: leaves the chain by L2 switching'; return steps; } else { step.result = 'dropped'; return steps; }
    }
    if (out === undefined) { step.result = 'no output: dropped'; return steps; }
    const b = world.beyond(at.site, out);
    if (b.kind === 'exit') { step.result = `output:${out}, to ${b.what}`; return steps; }
    if (b.kind === 'tunnel') { step.result = `output:${out}, through the tunnel to site ${b.site}`; at = { site: b.site, inPort: b.port }; continue; }
    step.result = `output:${out}, into function ${b.functionId}, which forwards it out of ${b.outPort}`;
    at = { site: at.site, inPort: b.outPort };
  }
  steps.push({ site: at.site, inPort: at.inPort, flow: null, result: `stopped after ${maxSteps} steps: the flows loop` });
  return steps;
}
