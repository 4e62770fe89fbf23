import { type ChainHop, type ChainTunnel, compileChainFlows } from './compile-chain-flows';
import { type Flow, renderFlow } from './flow.model';
import { FlowInputError } from './flow-tokens';
import { type Beyond, type Packet, tracePacket } from './trace-packet';

const COOKIE = '0x4e00000000000abc';
const sap = (ref: string): ChainHop => ({ connectionPointRef: ref, functionId: null, attachment: { kind: 'sap' } });
const at = (fn: string, cp: string, siteId: string, n: number): ChainHop => ({ connectionPointRef: `${fn}:${cp}`, functionId: fn, attachment: { kind: 'port', siteId, port: `tap-${fn}-${cp}`, mac: `02:00:00:00:00:${n.toString(16).padStart(2, '0')}` } });

/** A world of functions that forward in -> out (and back), tunnels between sites, and everything else outside. */
function world(flows: Map<string, Flow[]>, hops: ChainHop[], tunnels: ChainTunnel[]) {
  const pairs = new Map<string, Beyond>();
  for (let i = 0; i + 1 < hops.length; i++) {
    const [a, b] = [hops[i], hops[i + 1]];
    if (a.functionId && a.functionId === b.functionId && a.attachment.kind === 'port' && b.attachment.kind === 'port') {
      pairs.set(`${a.attachment.siteId}/${a.attachment.port}`, { kind: 'function', functionId: a.functionId, outPort: b.attachment.port });
      pairs.set(`${b.attachment.siteId}/${b.attachment.port}`, { kind: 'function', functionId: a.functionId, outPort: a.attachment.port });
    }
  }
  // A function passed through one port only (one-armed) sends the packet back out of that port; the
  // path's first and last hops are where it starts and ends.
  for (const h of hops.slice(1, -1)) if (h.functionId && h.attachment.kind === 'port' && !pairs.has(`${h.attachment.siteId}/${h.attachment.port}`)) pairs.set(`${h.attachment.siteId}/${h.attachment.port}`, { kind: 'function', functionId: h.functionId, outPort: h.attachment.port });
  return {
    flows: (site: string) => [...(flows.get(site) ?? []), { cookie: '0x0', priority: 0, match: { proto: 'ip' as const }, actions: [{ normal: true as const }] }],
    beyond: (site: string, port: string): Beyond => {
      const t = tunnels.find((x) => x.port === port);
      if (t) return { kind: 'tunnel', site: t.siteA === site ? t.siteB : t.siteA, port };
      return pairs.get(`${site}/${port}`) ?? { kind: 'exit', what: port };
    },
  };
}

const web: Packet = { dlDst: '02:00:00:00:00:99', proto: 'tcp', nwSrc: '198.51.100.7', nwDst: '10.100.3.20', tpSrc: 40000, tpDst: 80 };
const reply: Packet = { dlDst: '02:00:00:00:00:98', proto: 'tcp', nwSrc: '10.100.3.20', nwDst: '198.51.100.7', tpSrc: 80, tpDst: 40000 };
const ends = (steps: ReturnType<typeof tracePacket>) => steps.map((s) => `${s.site} ${s.inPort} -> ${s.result}`);

describe('compileChainFlows', () => {
  it('steers a chain inside one site hop to hop, and the reply back through it in reverse', () => {
    const hops = [sap('client'), at('fw', 'in', 'A', 1), at('fw', 'out', 'A', 2), at('lb', 'in', 'A', 3), at('lb', 'out', 'A', 4), sap('server')];
    const flows = compileChainFlows({ cookie: COOKIE, classifier: { protocol: 'tcp', destinationPort: 80 }, hops, tunnels: [] });
    expect([...flows.keys()]).toEqual(['A']);
    const w = world(flows, hops, []);
    expect(ends(tracePacket(w, { site: 'A', inPort: 'uplink' }, web))).toEqual([
      'A uplink -> output:tap-fw-in, into function fw, which forwards it out of tap-fw-out',
      'A tap-fw-out -> output:tap-lb-in, into function lb, which forwards it out of tap-lb-out',
      'A tap-lb-out -> NORMAL: leaves the chain by L2 switching',
    ]);
    // The reply leaves the server side through lb (it entered lb by its output), then fw, then out to the client.
    const back = tracePacket(w, { site: 'A', inPort: 'tap-lb-in' }, reply);
    expect(ends(back)).toEqual([
      'A tap-lb-in -> output:tap-fw-out, into function fw, which forwards it out of tap-fw-in',
      'A tap-fw-in -> NORMAL: leaves the chain by L2 switching',
    ]);
    // Every flow carries the chain's cookie, so replacing and removing the chain touches nothing else.
    expect(flows.get('A')!.every((f) => renderFlow(f).startsWith(`cookie=${COOKIE},`))).toBe(true);
  });

  it('crosses two sites through the tunnel: the far side matches the tunnel port and the rewritten MAC', () => {
    const hops = [sap('client'), at('fw', 'in', 'A', 1), at('fw', 'out', 'A', 2), at('lb', 'in', 'B', 3), at('lb', 'out', 'B', 4), at('web', 'http', 'B', 5)];
    const tunnels = [{ siteA: 'A', siteB: 'B', port: 'nv0001' }];
    const flows = compileChainFlows({ cookie: COOKIE, classifier: { protocol: 'tcp', destinationPort: 80 }, hops, tunnels });
    expect(flows.get('A')!.map(renderFlow)).toContain(`cookie=${COOKIE},priority=40000,tcp,in_port=tap-fw-out,tp_dst=80,actions=mod_dl_dst:02:00:00:00:00:03,output:nv0001`);
    expect(flows.get('B')!.map(renderFlow)).toContain(`cookie=${COOKIE},priority=40000,tcp,in_port=nv0001,dl_dst=02:00:00:00:00:03,tp_dst=80,actions=output:tap-lb-in`);
    const w = world(flows, hops, tunnels);
    expect(ends(tracePacket(w, { site: 'A', inPort: 'uplink' }, web)).map((s) => s.split(' -> ')[0])).toEqual(['A uplink', 'A tap-fw-out', 'B nv0001', 'B tap-lb-out']);
    expect(tracePacket(w, { site: 'A', inPort: 'uplink' }, web).at(-1)!.result).toBe('output:tap-web-http, to tap-web-http');
    expect(ends(tracePacket(w, { site: 'B', inPort: 'tap-web-http' }, reply)).map((s) => s.split(' -> ')[0])).toEqual(['B tap-web-http', 'B tap-lb-in', 'A nv0001', 'A tap-fw-in']);
  });

  it('crosses three sites, each hop through the tunnel of its own pair', () => {
    const hops = [at('a', 'out', 'S1', 1), at('b', 'in', 'S2', 2), at('b', 'out', 'S2', 3), at('c', 'in', 'S3', 4)];
    const tunnels = [{ siteA: 'S1', siteB: 'S2', port: 'nv12' }, { siteA: 'S2', siteB: 'S3', port: 'nv23' }];
    const flows = compileChainFlows({ cookie: COOKIE, classifier: null, hops, tunnels });
    expect([...flows.keys()].sort()).toEqual(['S1', 'S2', 'S3']);
    const p: Packet = { ...web, tpDst: 22 };
    expect(ends(tracePacket(world(flows, hops, tunnels), { site: 'S1', inPort: 'tap-a-out' }, p)).map((s) => s.split(' -> ')[0])).toEqual(['S1 tap-a-out', 'S2 nv12', 'S2 tap-b-out', 'S3 nv23']);
    // Without a tunnel for a pair the path crosses, nothing is compiled: the error names both sites.
    expect(() => compileChainFlows({ cookie: COOKIE, classifier: null, hops, tunnels: tunnels.slice(0, 1) })).toThrow('no WAN tunnel joins site S2 and site S3, which the path crosses');
  });

  it('keeps the branches of a graph apart: two paths out of one firewall by destination port', () => {
    const head = [sap('client'), at('fw', 'in', 'A', 1), at('fw', 'out', 'A', 2)];
    const http = compileChainFlows({ cookie: '0x4e00000000000001', classifier: { protocol: 'tcp', destinationPort: 80 }, hops: [...head, at('lb', 'in', 'A', 3)], tunnels: [] });
    const dns = compileChainFlows({ cookie: '0x4e00000000000002', classifier: { protocol: 'udp', destinationPort: 53 }, hops: [...head, at('dns', 'in', 'A', 4)], tunnels: [] });
    const both = new Map([['A', [...http.get('A')!, ...dns.get('A')!]]]);
    const keys = both.get('A')!.map((f) => renderFlow({ ...f, cookie: '', actions: [] }));
    expect(new Set(keys).size).toBe(keys.length);
    const w = world(both, head, []);
    expect(tracePacket(w, { site: 'A', inPort: 'uplink' }, web).at(-1)!.result).toBe('output:tap-lb-in, to tap-lb-in');
    expect(tracePacket(w, { site: 'A', inPort: 'uplink' }, { ...web, proto: 'udp', tpDst: 53 }).at(-1)!.result).toBe('output:tap-dns-in, to tap-dns-in');
  });

  it('drops the class where it would bypass a function: a packet leaving the firewall by its input port', () => {
    const hops = [sap('client'), at('fw', 'in', 'A', 1), at('fw', 'out', 'A', 2), at('web', 'http', 'A', 5)];
    const flows = compileChainFlows({ cookie: COOKIE, classifier: { protocol: 'tcp', destinationPort: 80 }, hops, tunnels: [] });
    const steps = tracePacket(world(flows, hops, []), { site: 'A', inPort: 'tap-fw-in' }, web);
    expect(steps.map((s) => s.result)).toEqual(['dropped']);
    expect(steps[0].flow).toContain('priority=35000,tcp,in_port=tap-fw-in,tp_dst=80,actions=drop');
  });

  it('steers one-armed functions (one hop each) forward; without a class that tells the return apart, the forward flows decide', () => {
    const hops = [at('a', 'in', 'A', 1), at('b', 'in', 'A', 2), at('c', 'in', 'B', 3)];
    const tunnels = [{ siteA: 'A', siteB: 'B', port: 'nv1' }];
    const flows = compileChainFlows({ cookie: COOKIE, classifier: null, hops, tunnels });
    expect(ends(tracePacket(world(flows, hops, tunnels), { site: 'A', inPort: 'tap-a-in' }, web)).map((s) => s.split(' -> ')[0])).toEqual(['A tap-a-in', 'A tap-b-in', 'B nv1']);
    // With a port in the class, the return direction is steered back as well.
    const classified = compileChainFlows({ cookie: COOKIE, classifier: { protocol: 'tcp', destinationPort: 80 }, hops, tunnels });
    expect(ends(tracePacket(world(classified, hops, tunnels), { site: 'B', inPort: 'tap-c-in' }, reply)).map((s) => s.split(' -> ')[0])).toEqual(['B tap-c-in', 'A nv1', 'A tap-b-in']);
  });

  it('steers a hop into a container function to the port and MAC it is given (the cluster port)', () => {
    const cluster: ChainHop = { connectionPointRef: 'frontend:http', functionId: 'frontend', attachment: { kind: 'port', siteId: 'B', port: 'k8s0', mac: '02:fe:00:00:00:01' } };
    const flows = compileChainFlows({ cookie: COOKIE, classifier: null, hops: [at('lb', 'in', 'B', 3), at('lb', 'out', 'B', 4), cluster], tunnels: [] });
    expect(flows.get('B')!.map(renderFlow)).toContain(`cookie=${COOKIE},priority=40000,ip,in_port=tap-lb-out,actions=mod_dl_dst:02:fe:00:00:00:01,output:k8s0`);
  });

  it('refuses anything that is not a valid token, and classifiers OpenFlow cannot express', () => {
    const evil = { ...at('fw', 'in', 'A', 1), attachment: { kind: 'port' as const, siteId: 'A', port: 'tap0;reboot', mac: '02:00:00:00:00:01' } };
    expect(() => compileChainFlows({ cookie: COOKIE, classifier: null, hops: [sap('c'), evil], tunnels: [] })).toThrow(FlowInputError);
    expect(() => compileChainFlows({ cookie: COOKIE, classifier: { sourceCidr: '10.0.0.0/24,actions=flood' }, hops: [sap('c'), at('fw', 'in', 'A', 1)], tunnels: [] })).toThrow('IPv4 prefix "10.0.0.0/24,actions=flood" is not valid');
    expect(() => compileChainFlows({ cookie: COOKIE, classifier: { protocol: 'icmp', destinationPort: 80 }, hops: [sap('c'), at('fw', 'in', 'A', 1)], tunnels: [] })).toThrow('needs protocol tcp or udp');
    expect(() => compileChainFlows({ cookie: 'nope', classifier: null, hops: [], tunnels: [] })).toThrow('flow cookie');
  });
});
