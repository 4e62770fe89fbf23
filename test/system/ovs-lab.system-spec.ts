import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Client } from 'ssh2';
import { type Lab, labUnavailable, sshFingerprint, startLab } from '../../scripts/support/ovs-lab';

/**
 * The lab the Open vSwitch system tests run on: two sites, each its own OVS in its own namespace, joined
 * by a VXLAN tunnel over the WAN veth, hosts switched across it, and each site's sshd reaching that
 * site's OVS only. Then a three-site mesh with forwarders, as a service chain would use it.
 * Skipped, saying why, where the lab cannot run, unless NFVO_REQUIRE_SYSTEM_TESTS=1 (CI) makes it fail.
 */
const why = labUnavailable();
const required = process.env.NFVO_REQUIRE_SYSTEM_TESTS === '1';
if (why && !required) console.log(`skipped: ${why}`);

interface SshResult {
  code: number | null;
  stdout: string;
}

/** One command over SSH, trusting only the pinned host key. */
function sshRun(lab: Lab, host: string, pinned: string, command: string): Promise<SshResult> {
  return new Promise((resolve, reject) => {
    const c = new Client();
    c.on('ready', () =>
      c.exec(command, (err, stream) => {
        if (err) {
          c.end();
          return reject(err);
        }
        let stdout = '';
        stream.on('data', (d: Buffer) => (stdout += d));
        stream.stderr.on('data', () => undefined);
        stream.on('close', (code: number | null) => {
          c.end();
          resolve({ code, stdout });
        });
      }),
    );
    c.on('error', reject);
    c.connect({ host, port: 22, username: lab.username, privateKey: lab.clientPrivateKey, readyTimeout: 10_000, hostVerifier: (key: Buffer) => sshFingerprint(key) === pinned });
  });
}

const received = (pingOutput: string) => Number(/(\d+) received/.exec(pingOutput)?.[1] ?? -1);
/** The IP layer's forwarded-datagram counter of a namespace (ForwDatagrams in /proc/net/snmp). */
async function forwarded(lab: Lab, ns: string): Promise<number> {
  const [names, values] = (await lab.exec(ns, ['cat', '/proc/net/snmp'])).stdout.split('\n').filter((l) => l.startsWith('Ip:'));
  return Number(values.split(/\s+/)[names.split(/\s+/).indexOf('ForwDatagrams')]);
}

/** What is left in the root namespace with the lab's prefix: namespaces, and links (the management veths). */
function leftovers(prefix: string): { namespaces: string[]; links: string[] } {
  const names = (argv: string[], pick: (line: string) => string) =>
    execFileSync('ip', argv, { encoding: 'utf8' }).split('\n').map(pick).filter((n) => n.startsWith(prefix));
  return { namespaces: names(['netns', 'list'], (l) => l.split(' ')[0]), links: names(['-o', 'link', 'show'], (l) => (l.split(': ')[1] ?? '').split('@')[0]) };
}

describe('OVS lab: two sites over VXLAN', () => {
  if (why) {
    if (required) {
      it('runs (NFVO_REQUIRE_SYSTEM_TESTS=1)', () => {
        throw new Error(why);
      });
    } else {
      it(`skipped: ${why}`, () => undefined);
    }
    return;
  }
  let lab: Lab;

  beforeAll(async () => {
    lab = await startLab({ prefix: 'lb0', sites: ['site-a', 'site-b'] });
    for (const [i, other] of [[0, 1], [1, 0]]) {
      const r = await lab.ovs(i, 'ovs-vsctl', ['--may-exist', 'add-port', 'br0', 'vx0', '--', 'set', 'interface', 'vx0', 'type=vxlan', `options:remote_ip=${lab.sites[other].underlayIp}`, 'options:key=100']);
      expect(r.stderr).toBe('');
    }
    // The native tunnel drops its first packet while it learns the remote underlay MAC.
    for (const [i, other] of [[0, 1], [1, 0]]) expect((await lab.exec(lab.sites[i].netns, ['ping', '-c1', '-W2', lab.sites[other].underlayIp])).code).toBe(0);
    await lab.addHost(0, 'h1', [{ ifname: 'eth0', ovsPort: 'lb0-h1', mac: '02:00:00:00:00:01', cidr: '10.0.0.1/24', externalIds: { 'vnf-id': 'h1', note: 'a "quoted" value' } }]);
    await lab.addHost(1, 'h2', [{ ifname: 'eth0', ovsPort: 'lb0-h2', mac: '02:00:00:00:00:02', cidr: '10.0.0.2/24' }]);
  }, 60_000);

  afterAll(async () => {
    await lab?.down();
  }, 60_000);

  it('switches hosts across the tunnel: ping 3/3', async () => {
    const r = await lab.exec('h1', ['ping', '-c3', '-i0.2', '-W2', '10.0.0.2']);
    expect(received(r.stdout)).toBe(3);
  });

  it('carries TCP (checksum offload off, underlay MTU above the tunnel overhead)', async () => {
    // Larger than one segment, so full-size frames cross the tunnel too.
    const payload = `hello-over-vxlan\n${'x'.repeat(199_000)}\n`;
    const listener = lab.exec('h2', ['nc', '-l', '10.0.0.2', '8080'], { timeoutMs: 20_000 });
    for (let i = 0; i < 100 && !(await lab.exec('h2', ['ss', '-Hltn', 'sport = :8080'])).stdout.trim(); i++) await new Promise((r) => setTimeout(r, 50));
    const sent = await lab.exec('h1', ['nc', '-N', '-w', '5', '10.0.0.2', '8080'], { input: payload, timeoutMs: 20_000 });
    expect(sent.code).toBe(0);
    const got = await listener;
    expect(got.stdout.length).toBe(payload.length);
    expect(got.stdout === payload).toBe(true);
  });

  it('sets external_ids on the host port', async () => {
    const r = await lab.ovs(0, 'ovs-vsctl', ['get', 'interface', 'lb0-h1', 'external_ids']);
    expect(r.stdout.trim()).toBe('{note="a \\"quoted\\" value", vnf-id=h1}');
  });

  it("reaches each site's own OVS over SSH, trusting only the pinned host key", async () => {
    for (const [i, s] of lab.sites.entries()) {
      const uuid = (await lab.ovs(i, 'ovs-vsctl', ['get', 'Open_vSwitch', '.', '_uuid'])).stdout.trim();
      const r = await sshRun(lab, s.mgmtIp, s.hostKeyFingerprint, 'ovs-vsctl list-br; ovs-vsctl get Open_vSwitch . _uuid; ip netns identify');
      expect(r.code).toBe(0);
      expect(r.stdout.trim().split('\n')).toEqual(['br-phy', 'br0', uuid, s.netns]);
    }
    // Site B's key is not site A's: the pin is what makes the connection trusted.
    await expect(sshRun(lab, lab.sites[0].mgmtIp, lab.sites[1].hostKeyFingerprint, 'true')).rejects.toThrow();
  });

  it('answers ovs-appctl and ovs-ofctl through the site run dir', async () => {
    expect((await lab.ovs(0, 'ovs-appctl', ['version'])).stdout).toMatch(/ovs-vswitchd \(Open vSwitch\) \d+\.\d+/);
    const fdb = await lab.ovs(1, 'ovs-appctl', ['fdb/show', 'br0']);
    expect(fdb.stdout).toContain('02:00:00:00:00:01');
    const flows = await lab.ovs(0, 'ovs-ofctl', ['dump-flows', 'br0', '--no-stats']);
    expect(flows.stdout.split('\n').map((l) => l.trim()).filter(Boolean)).toEqual(['priority=0 actions=NORMAL']);
  });

  it('leaves nothing behind after down(), and down() is safe twice', async () => {
    const runDir = lab.sites[0].runDir;
    await lab.down();
    await lab.down();
    expect(leftovers(lab.prefix)).toEqual({ namespaces: [], links: [] });
    expect(existsSync(runDir)).toBe(false);
  });
});

describe('OVS lab: three sites, VXLAN mesh, forwarders', () => {
  if (why) return;
  let lab: Lab;

  beforeAll(async () => {
    lab = await startLab({ prefix: 'lb1', sites: ['a', 'b', 'c'], tunnel: 'vxlan' });
    const host = (site: number, name: string, n: number) =>
      lab.addHost(site, name, [{ ifname: 'eth0', ovsPort: `p-${name}`, mac: `02:00:00:00:01:0${n}`, cidr: `10.0.1.${n}/24` }]);
    await Promise.all([host(0, 'h1', 1), host(1, 'h2', 2), host(2, 'h3', 3), host(1, 'fw', 4)]);
    // A two-armed forwarder at site c: eth0 in, eth1 out.
    await lab.addHost(2, 'fw2', [
      { ifname: 'eth0', ovsPort: 'p-fw2a', mac: '02:00:00:00:01:05', cidr: '10.0.1.5/24' },
      { ifname: 'eth1', ovsPort: 'p-fw2b', mac: '02:00:00:00:01:06', cidr: '10.0.1.6/24' },
    ]);
    await lab.makeForwarder('fw', 'eth0', 'eth0');
    await lab.makeForwarder('fw2', 'eth0', 'eth1');
  }, 60_000);

  afterAll(async () => {
    await lab?.down();
  }, 60_000);

  it('reaches every site from site a without a loop in the mesh', async () => {
    for (const dst of ['10.0.1.2', '10.0.1.3']) expect(received((await lab.exec('h1', ['ping', '-c3', '-i0.2', '-W2', dst])).stdout)).toBe(3);
    const ports = await lab.ovs(1, 'ovs-vsctl', ['list-ports', 'br0']);
    expect(ports.stdout.trim().split('\n').sort()).toEqual(['p-fw', 'p-h2', 'vx0', 'vx2']);
    // Protected tunnel ports: a broadcast from a reaches b once, not again through c (no STP here).
    for (const port of ['vx0', 'vx2']) expect((await lab.ovs(1, 'ovs-vsctl', ['get', 'port', port, 'protected'])).stdout.trim()).toBe('true');
  });

  it('routes through a one-armed forwarder (it counts the forwarded datagrams)', async () => {
    expect((await lab.exec('h1', ['ip', 'route', 'replace', '10.0.1.3/32', 'via', '10.0.1.4'])).code).toBe(0);
    const before = await forwarded(lab, 'fw');
    expect(received((await lab.exec('h1', ['ping', '-c3', '-i0.2', '-W2', '10.0.1.3'])).stdout)).toBe(3);
    expect((await forwarded(lab, 'fw')) - before).toBeGreaterThanOrEqual(3);
  });

  it('routes through a two-armed forwarder, in on eth0 and out on eth1', async () => {
    expect((await lab.exec('h1', ['ip', 'route', 'replace', '10.0.1.2/32', 'via', '10.0.1.5'])).code).toBe(0);
    const before = await forwarded(lab, 'fw2');
    expect(received((await lab.exec('h1', ['ping', '-c3', '-i0.2', '-W2', '10.0.1.2'])).stdout)).toBe(3);
    expect((await forwarded(lab, 'fw2')) - before).toBeGreaterThanOrEqual(3);
    const tx = await lab.exec('fw2', ['cat', '/sys/class/net/eth1/statistics/tx_packets']);
    expect(Number(tx.stdout)).toBeGreaterThanOrEqual(3);
  });

  it('leaves nothing behind after down()', async () => {
    await lab.down();
    expect(leftovers(lab.prefix)).toEqual({ namespaces: [], links: [] });
  });
});
