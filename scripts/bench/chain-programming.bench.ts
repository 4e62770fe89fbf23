/**
 * chain-programming: a 10-hop service chain over two sites (client, then 4 two-armed VNFs at site A and
 * 4 at site B, then the server), compiled to flows and programmed on real Open vSwitch over SSH. Prints
 * the SSH execs per switch (target: 1 for the flows, plus 1 per side for the tunnel when it is new), the
 * time to program against the bare SSH round-trip on the same pooled connection (`true`), and the time
 * to compile 1,000 such chains against deep-copying their inputs. The OVS part needs root and Open
 * vSwitch (scripts/provision-system-test-env.sh); without them it prints why it did not run.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { OvsSiteSwitch } from '../../src/adapters/ovs/ovs-site-switch';
import { SshPool } from '../../src/adapters/ovs/ssh-pool';
import { ChainProgrammer, neutronDeviceName } from '../../src/lifecycle/chains/chain-programmer';
import { type ChainHop, compileChainFlows } from '../../src/lifecycle/domain/flows/compile-chain-flows';
import type { ChainHopSpec, ChainSpec } from '../../src/lifecycle/ports/switch.port';
import { labUnavailable, startLab } from '../support/ovs-lab';
import type { Benchmark, BenchContext } from './bench.types';
import { label, millis, ratio } from './bench-line';
import { stat, turn } from './run-stats';

const NAME = 'chain-programming';
const RUNS = 9;
export const benchmark: Benchmark = { name: NAME, run };

const mac = (n: number) => `02:00:00:0b:${(n >> 8).toString(16).padStart(2, '0')}:${(n & 255).toString(16).padStart(2, '0')}`;
const SITES = ['site-a', 'site-b'];

/** 4 VNFs per site, each with an input and an output port: 10 hops between client and server. */
function chain(nsInstanceId: string) {
  const vnfs = Array.from({ length: 8 }, (_, i) => ({ id: `v${i}`, site: SITES[i < 4 ? 0 : 1], in: randomUUID(), out: randomUUID(), n: i }));
  const srv = randomUUID();
  const tunnel = { name: `nfvo-${nsInstanceId.slice(0, 8)}-wan-bench`, link: 'bench', siteA: SITES[0], siteB: SITES[1] };
  const hops: ChainHopSpec[] = [
    { connectionPointRef: 'client', functionId: null, cp: 'client', siteId: null },
    ...vnfs.flatMap((v) => [
      { connectionPointRef: `${v.id}:in`, functionId: v.id, cp: 'in', siteId: v.site, port: { portId: v.in, mac: mac(2 * v.n + 2), ip: `10.0.0.${2 * v.n + 2}` } },
      { connectionPointRef: `${v.id}:out`, functionId: v.id, cp: 'out', siteId: v.site, port: { portId: v.out, mac: mac(2 * v.n + 3), ip: `10.0.0.${2 * v.n + 3}` } },
    ]),
    { connectionPointRef: 'srv:eth0', functionId: 'srv', cp: 'eth0', siteId: SITES[1], port: { portId: srv, mac: mac(200), ip: '10.0.0.200' } },
  ];
  const spec: ChainSpec = { name: 'bench-chain', classifier: { protocol: 'tcp', destinationPort: 80 }, hops, tunnels: [tunnel] };
  return { vnfs, srv, spec, tunnel };
}

function compileBench(ctx: BenchContext): void {
  const inputs = Array.from({ length: 1000 }, (_, i) => {
    const { spec } = chain(randomUUID());
    const hops: ChainHop[] = spec.hops.map((h) => ({ connectionPointRef: h.connectionPointRef, functionId: h.functionId, attachment: h.port ? { kind: 'port', siteId: h.siteId!, port: neutronDeviceName(h.port.portId), mac: h.port.mac } : { kind: 'sap' } }));
    return { cookie: `0x4e${i.toString(16).padStart(14, '0')}`, classifier: spec.classifier, hops, tunnels: [{ siteA: SITES[0], siteB: SITES[1], port: 'nv0123456789ab' }] };
  });
  const compile: number[] = [];
  const copy: number[] = [];
  let flows = 0;
  for (let r = 0; r < 5; r++) {
    let t0 = performance.now();
    flows = 0;
    for (const i of inputs) for (const f of compileChainFlows(i).values()) flows += f.length;
    compile.push(performance.now() - t0);
    t0 = performance.now();
    for (const i of inputs) structuredClone(i);
    copy.push(performance.now() - t0);
  }
  const c = stat(compile);
  const b = stat(copy);
  ctx.print(`${label(NAME, 'compile 1000')}median ${millis(c.median)} for 1,000 chains of 10 hops (${flows} flows), ratio ${ratio(c.median, b.median)} to deep-copying their inputs (${millis(b.median)})`);
}

async function run(ctx: BenchContext): Promise<void> {
  compileBench(ctx);
  const why = labUnavailable();
  if (why) return void ctx.print(`${label(NAME, 'ovs')}not run: ${why}`);
  const lab = await startLab({ prefix: 'bch', sites: SITES });
  ctx.defer('tear the lab down', () => lab.down());
  const ssh = new SshPool();
  ctx.defer('close the SSH connections', () => ssh.close());
  const switches = lab.sites.map((s, i) => new OvsSiteSwitch(ssh, { siteId: SITES[i], host: s.mgmtIp, port: s.sshPort, username: lab.username, privateKey: lab.clientPrivateKey, hostKeyFingerprint: s.hostKeyFingerprint, bridge: s.bridge }));
  const programmer = new ChainProgrammer({
    forSite: async (id) => switches[SITES.indexOf(id)], all: async () => switches,
    wanLink: async () => ({ type: 'vxlan', siteA: SITES[0], siteB: SITES[1], endpointA: lab.sites[0].underlayIp, endpointB: lab.sites[1].underlayIp }),
  });
  const owner = { nsInstanceId: randomUUID(), nsLcmOpOccId: randomUUID() };
  const { vnfs, srv, spec, tunnel } = chain(owner.nsInstanceId);
  for (const v of vnfs) await lab.addHost(SITES.indexOf(v.site), v.id, [{ ifname: 'eth1', ovsPort: neutronDeviceName(v.in), mac: mac(2 * v.n + 2), cidr: `10.0.0.${2 * v.n + 2}/24` }, { ifname: 'eth2', ovsPort: neutronDeviceName(v.out), mac: mac(2 * v.n + 3), cidr: `10.0.0.${2 * v.n + 3}/24` }]);
  await lab.addHost(1, 'srv', [{ ifname: 'eth0', ovsPort: neutronDeviceName(srv), mac: mac(200), cidr: '10.0.0.200/24' }]);

  // Connections open first, so neither figure pays the ~300 ms SSH handshake.
  for (const s of lab.sites) await ssh.exec({ host: s.mgmtIp, port: 22, username: 'root', privateKey: lab.clientPrivateKey, hostKeyFingerprint: s.hostKeyFingerprint }, ['true']);
  ssh.execs.clear();
  await programmer.ensureTunnel(owner, tunnel);
  await programmer.ensureChain(owner, spec);
  const first = [...ssh.execs.values()];
  ssh.execs.clear();
  await programmer.ensureChain(owner, spec);
  const again = [...ssh.execs.values()];
  ctx.print(`${label(NAME, 'execs per switch')}new chain with its tunnel: ${first.join(', ')} (target 2: 1 flows + 1 tunnel) | chain again: ${again.join(', ')} (target 1)`);

  const target = { host: lab.sites[0].mgmtIp, port: 22, username: 'root', privateKey: lab.clientPrivateKey, hostKeyFingerprint: lab.sites[0].hostKeyFingerprint };
  const program: number[] = [];
  const bare: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let t0 = performance.now();
    await programmer.ensureChain(owner, spec);
    program.push(performance.now() - t0);
    t0 = performance.now();
    await ssh.exec(target, ['true']);
    bare.push(performance.now() - t0);
    await turn();
  }
  const p = stat(program);
  const b = stat(bare);
  ctx.print(`${label(NAME, 'program 10 hops')}median ${millis(p.median)}, max ${millis(p.max)} (both switches in parallel, one bundle each), ratio ${ratio(p.median, b.median)} to the bare SSH round-trip (${millis(b.median)})`);
  await programmer.removeChain(owner, spec.name);
  await programmer.removeTunnel(owner, tunnel.name);
}
