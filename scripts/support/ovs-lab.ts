import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, appendFileSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A lab of Open vSwitch "sites" for system tests, built from real processes on this machine: each site
 * is a network namespace with its own ovsdb-server and ovs-vswitchd (userspace datapath, so no kernel
 * module is needed), a br0 for workloads, a br-phy holding the WAN underlay address for OVS's native
 * tunnels, and an sshd on a management veth from the root namespace, so that the NFVO's SSH driver can
 * talk to each site's OVS as it would to a real one. Hosts (VNFs) are namespaces with veths into br0.
 * Everything is named after a short prefix, so two labs never collide, and lives under
 * os.tmpdir()/nfvo-ovs-lab-<prefix>, so a crashed run can be cleaned up by the next one.
 */

export interface LabSite {
  name: string;
  netns: string;
  /** Absolute: the OVS tools find this site's daemons through OVS_RUNDIR=<runDir>. */
  runDir: string;
  bridge: 'br0';
  mgmtIp: string;
  sshPort: 22;
  underlayIp: string;
  /** OpenSSH format, `SHA256:<unpadded base64>`, to pin the site's host key. */
  hostKeyFingerprint: string;
}

export interface LabIface {
  /** The interface inside the host's namespace. */
  ifname: string;
  /** The other end of the veth, a port of the site's br0. */
  ovsPort: string;
  mac: string;
  /** Address with prefix length, e.g. 10.0.0.1/24. */
  cidr: string;
  /** Set on the OVS Interface record (external_ids:<k>=<v>). */
  externalIds?: Record<string, string>;
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  input?: string;
  timeoutMs?: number;
}

export type OvsTool = 'ovs-vsctl' | 'ovs-ofctl' | 'ovs-appctl';

export interface LabOptions {
  /** ≤4 characters, [a-z0-9], starting with a letter; must not be the start of another live lab's prefix. */
  prefix: string;
  /** Site names, index i is netns <prefix>s<i>. */
  sites: string[];
  /** Full mesh of VXLAN ports vx<j> (to site j, key 100) on every br0, neighbour cache warmed. */
  tunnel?: 'vxlan';
}

export interface Lab {
  prefix: string;
  sites: LabSite[];
  clientPrivateKey: string;
  username: 'root';
  addHost(siteIndex: number, name: string, ifaces: LabIface[]): Promise<void>;
  makeForwarder(name: string, inIf: string, outIf: string): Promise<void>;
  /** The host's namespace gone and its ports off the site's bridge (a deleted server); unknown names are fine. */
  removeHost(name: string): Promise<void>;
  exec(netnsOrHostName: string, argv: string[], opts?: ExecOptions): Promise<ExecResult>;
  ovs(siteIndex: number, tool: OvsTool, args: string[], opts?: ExecOptions): Promise<ExecResult>;
  down(): Promise<void>;
}

const SCHEMA = '/usr/share/openvswitch/vswitch.ovsschema';
const SSHD = '/usr/sbin/sshd';
/** What the lab runs; a fresh machine has none of it (scripts/provision-system-test-env.sh installs it). */
const REQUIRED = ['ovs-vsctl', 'ovs-ofctl', 'ovs-appctl', 'ovsdb-server', 'ovs-vswitchd', 'ovsdb-tool', SSHD, 'ssh-keygen', 'ethtool', 'ip', 'ping', 'nc'];
/** Each site's daemons, by pidfile name and the /proc comm that proves a pid is still that daemon. */
const DAEMONS = ['ovs-vswitchd', 'ovsdb-server', 'sshd'];
/** VXLAN adds 50 bytes: a larger underlay MTU keeps full-size host frames (TCP) from being dropped. */
const WAN_MTU = 1600;
const MAX_SITES = 16;

/** sbin is where the daemons are, and a non-login root shell may not have it on PATH. */
const searchPath = (): string[] => [...new Set([...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/local/sbin', '/usr/sbin', '/sbin'])];
const toolEnv = (): NodeJS.ProcessEnv => ({ ...process.env, PATH: searchPath().join(':') });

function which(cmd: string): string | undefined {
  const candidates = cmd.startsWith('/') ? [cmd] : searchPath().map((d) => join(d, cmd));
  return candidates.find((f) => {
    try {
      accessSync(f, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
const tool = (cmd: string): string => which(cmd) ?? cmd;

/** Why the lab cannot run here, or undefined when it can. */
export function labUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'the OVS lab needs Linux network namespaces';
  if (process.getuid?.() !== 0) return 'the OVS lab needs root (network namespaces, veths, OVS daemons)';
  const missing = REQUIRED.filter((c) => !which(c));
  if (missing.length) return `missing ${missing.join(', ')}: run scripts/provision-system-test-env.sh`;
  if (!existsSync(SCHEMA)) return `missing ${SCHEMA}: run scripts/provision-system-test-env.sh`;
  // The userspace datapath's bridge ports (br-phy carries the underlay address) are tap devices.
  if (!existsSync('/dev/net/tun')) return '/dev/net/tun is missing (OVS internal ports on the userspace datapath are tap devices)';
  return undefined;
}

interface RunOptions extends ExecOptions {
  env?: NodeJS.ProcessEnv;
  /** Children still running at down() are killed, so no test's nc or ping outlives the lab. */
  track?: Set<ChildProcess>;
}

/** Runs argv (never through a shell) and resolves with its outcome; it does not throw on failure. */
function run(argv: string[], opts: RunOptions = {}): Promise<ExecResult> {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { env: opts.env ?? toolEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    opts.track?.add(child);
    let stdout = '';
    let stderr = '';
    let settled = false;
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
    const settle = (code: number) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      opts.track?.delete(child);
      resolve({ code, stdout, stderr });
    };
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => {
      stderr += e.message;
      settle(127);
    });
    child.on('close', (code, signal) => settle(code ?? (signal ? 128 + (signalNumbers[signal] ?? 0) : 1)));
    // A command that never reads its stdin may exit before the write lands.
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}
const signalNumbers: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

async function must(argv: string[], opts: RunOptions = {}): Promise<string> {
  const r = await run(argv, opts);
  if (r.code !== 0) throw new Error(`${argv.join(' ')} exited ${r.code}: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

const inNs = (ns: string, argv: string[]): string[] => [tool('ip'), 'netns', 'exec', ns, ...argv];
const ipIn = (ns: string | undefined, ...args: string[]) => must([tool('ip'), ...(ns ? ['-n', ns] : []), ...args]);
/** Userspace datapath + veth: without this TCP fails (bad checksums); ICMP works either way. */
const offloadOff = (ns: string | undefined, ifname: string) =>
  must(ns ? inNs(ns, [tool('ethtool'), '-K', ifname, 'tx', 'off']) : [tool('ethtool'), '-K', ifname, 'tx', 'off']);
const ovsEnv = (runDir: string): NodeJS.ProcessEnv => ({ ...toolEnv(), OVS_RUNDIR: runDir, OVS_LOGDIR: runDir, OVS_DBDIR: runDir });

const baseDirOf = (prefix: string) => join(tmpdir(), `nfvo-ovs-lab-${prefix}`);
const mgmtLinkRe = (prefix: string) => new RegExp(`^${prefix}m\\d+$`);
const IFNAME = /^[A-Za-z0-9_-]{1,15}$/;
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;
const CIDR = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;

function validatePrefix(prefix: string): void {
  if (!/^[a-z][a-z0-9]{0,3}$/.test(prefix)) throw new Error(`lab prefix must be 1-4 characters [a-z0-9] starting with a letter: '${prefix}'`);
}

/** The key's OpenSSH fingerprint: SHA256 of the raw public key blob, base64 without padding. */
export function sshFingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}
const fingerprintOfPubFile = (file: string) => sshFingerprint(Buffer.from(readFileSync(file, 'utf8').trim().split(/\s+/)[1], 'base64'));

/** Subnets from the prefix, so that labs differ; the management one is moved on if the root netns uses it. */
async function labNumbers(prefix: string): Promise<{ underlay: number; mgmt: number }> {
  const h = createHash('sha256').update(prefix).digest();
  const used = (await must([tool('ip'), '-o', '-4', 'addr', 'show'])) + (await must([tool('ip'), '-4', 'route', 'show']));
  for (let k = 0; k < 256; k++) {
    const mgmt = (h[1] + k) % 256;
    if (!used.includes(`172.31.${mgmt}.`)) return { underlay: 200 + (h[0] % 51), mgmt };
  }
  throw new Error('no free 172.31.x.0/24 for the lab management network');
}

const alive = (pid: number): boolean => {
  try {
    // A zombie has exited; its parent (init here) just has not reaped it yet.
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};
const comm = (pid: number): string | undefined => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (alive(pid) && Date.now() < end) await sleep(50);
  return !alive(pid);
}
const signal = (pid: number, sig: NodeJS.Signals) => {
  try {
    process.kill(pid, sig);
  } catch {
    // it exited meanwhile
  }
};

/** SIGTERM, then SIGKILL after 3 s; only if the pid still is that daemon (pids get reused). */
async function stopPidfile(file: string, daemon: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(file, 'utf8').trim());
  } catch {
    return;
  }
  if (!(pid > 1) || comm(pid) !== daemon) return;
  signal(pid, 'SIGTERM');
  if (await waitGone(pid, 3000)) return;
  signal(pid, 'SIGKILL');
  await waitGone(pid, 5000);
}

async function netnsPids(ns: string): Promise<number[]> {
  const r = await run([tool('ip'), 'netns', 'pids', ns]);
  return r.code === 0 ? r.stdout.split('\n').filter(Boolean).map(Number).filter((p) => p > 1 && p !== process.pid) : [];
}

interface Leftovers {
  pidfiles: Array<{ file: string; daemon: string }>;
  namespaces: string[];
  rootLinks: string[];
  dir: string;
}

/** Shared by down() and the stale cleanup: daemons first (all in parallel), then strays, links, namespaces, files. */
async function teardown(t: Leftovers): Promise<void> {
  await Promise.all(t.pidfiles.map((p) => stopPidfile(p.file, p.daemon)));
  // Anything else still inside (an SSH session, a test's nc) would keep a deleted namespace alive.
  const stray = (await Promise.all(t.namespaces.map(netnsPids))).flat();
  for (const pid of stray) signal(pid, 'SIGKILL');
  await Promise.all(stray.map((pid) => waitGone(pid, 5000)));
  await Promise.all(t.rootLinks.map((l) => run([tool('ip'), 'link', 'del', l])));
  await Promise.all(t.namespaces.map((n) => run([tool('ip'), 'netns', 'del', n])));
  rmSync(t.dir, { recursive: true, force: true });
}

const sitePidfiles = (runDir: string) => DAEMONS.map((daemon) => ({ file: join(runDir, `${daemon}.pid`), daemon }));

const NETNS_RECORD = 'netns';

/**
 * Removes what an earlier (crashed) run with this prefix left: its namespaces, root-side veths and daemons.
 * Namespaces are the ones it recorded, plus its site and WAN names, rather than every <prefix>*: with
 * prefix 'c' that glob would also take a live lab 'ch' (startLab refuses such overlapping prefixes).
 */
export async function cleanupStaleLabs(prefix: string): Promise<void> {
  validatePrefix(prefix);
  const dir = baseDirOf(prefix);
  const runDirs = existsSync(dir) ? readdirSync(dir).filter((d) => /^s\d+$/.test(d)).map((d) => join(dir, d)) : [];
  const recorded = new Set(existsSync(join(dir, NETNS_RECORD)) ? readFileSync(join(dir, NETNS_RECORD), 'utf8').split('\n').filter(Boolean) : []);
  const own = new RegExp(`^${prefix}(s\\d+|wan)$`);
  const nsList = await run([tool('ip'), 'netns', 'list']);
  const namespaces = nsList.stdout.split('\n').map((l) => l.split(' ')[0]).filter((n) => n && (recorded.has(n) || own.test(n)));
  const links = await run([tool('ip'), '-o', 'link', 'show']);
  const rootLinks = links.stdout.split('\n').map((l) => l.split(': ')[1]?.split('@')[0] ?? '').filter((n) => mgmtLinkRe(prefix).test(n));
  await teardown({ pidfiles: runDirs.flatMap(sitePidfiles), namespaces, rootLinks, dir });
}

class OvsLab implements Lab {
  readonly sites: LabSite[] = [];
  readonly username = 'root' as const;
  clientPrivateKey = '';
  private readonly dir: string;
  /** Recorded before each is created, so a failure midway still cleans it up. */
  private readonly namespaces: string[] = [];
  private readonly rootLinks: string[] = [];
  private readonly hosts = new Map<string, string>();
  private readonly hostPorts = new Map<string, { site: LabSite; ports: string[] }>();
  private readonly children = new Set<ChildProcess>();
  private stopping?: Promise<void>;

  constructor(
    readonly prefix: string,
    private readonly siteNames: string[],
  ) {
    this.dir = baseDirOf(prefix);
  }

  async start(tunnel?: 'vxlan'): Promise<void> {
    const p = this.prefix;
    const { underlay, mgmt } = await labNumbers(p);
    mkdirSync(this.dir, { recursive: true });
    const clientKey = join(this.dir, 'client_ed25519');
    await keygen(clientKey, `nfvo-ovs-lab-${p}-client`);
    this.clientPrivateKey = readFileSync(clientKey, 'utf8');
    writeFileSync(join(this.dir, 'authorized_keys'), readFileSync(`${clientKey}.pub`));
    this.siteNames.forEach((name, i) =>
      this.sites.push({ name, netns: `${p}s${i}`, runDir: join(this.dir, `s${i}`), bridge: 'br0', mgmtIp: `172.31.${mgmt}.${4 * i + 2}`, sshPort: 22, underlayIp: `192.168.${underlay}.${i + 1}`, hostKeyFingerprint: '' }),
    );
    await Promise.all(this.sites.map((s) => this.addNetns(s.netns)));
    await this.wireWan();
    await Promise.all(this.sites.map((s, i) => this.wireMgmt(s, i, mgmt)));
    await Promise.all(this.sites.map((s) => this.startOvs(s)));
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }); // sshd's privilege separation directory
    await Promise.all(this.sites.map((s) => this.startSshd(s)));
    if (tunnel === 'vxlan') await this.meshTunnels();
  }

  private async addNetns(ns: string): Promise<void> {
    this.namespaces.push(ns);
    appendFileSync(join(this.dir, NETNS_RECORD), `${ns}\n`);
    await must([tool('ip'), 'netns', 'add', ns]);
    await ipIn(ns, 'link', 'set', 'dev', 'lo', 'up');
  }

  /** One underlay L2 segment: a veth pair for two sites, a Linux bridge in <prefix>wan for more. */
  // Names always follow `name`: ip reads a bare word that starts a keyword ("br", "m") as that keyword.
  private async wireWan(): Promise<void> {
    const [a, b] = this.sites;
    if (this.sites.length === 2) {
      await must([tool('ip'), 'link', 'add', 'name', 'wan0', 'netns', a.netns, 'mtu', `${WAN_MTU}`, 'type', 'veth', 'peer', 'name', 'wan0', 'netns', b.netns, 'mtu', `${WAN_MTU}`]);
    } else if (this.sites.length > 2) {
      const wan = `${this.prefix}wan`;
      await this.addNetns(wan);
      await ipIn(wan, 'link', 'add', 'name', 'wanbr', 'type', 'bridge');
      await ipIn(wan, 'link', 'set', 'dev', 'wanbr', 'up');
      await Promise.all(this.sites.map(async (s, i) => {
        await must([tool('ip'), 'link', 'add', 'name', `s${i}`, 'netns', wan, 'mtu', `${WAN_MTU}`, 'type', 'veth', 'peer', 'name', 'wan0', 'netns', s.netns, 'mtu', `${WAN_MTU}`]);
        await offloadOff(wan, `s${i}`);
        await ipIn(wan, 'link', 'set', 'dev', `s${i}`, 'master', 'wanbr', 'up');
      }));
    }
    if (this.sites.length < 2) return;
    await Promise.all(this.sites.map(async (s) => {
      await offloadOff(s.netns, 'wan0');
      await ipIn(s.netns, 'link', 'set', 'dev', 'wan0', 'up');
    }));
  }

  private async wireMgmt(s: LabSite, i: number, mgmt: number): Promise<void> {
    const root = `${this.prefix}m${i}`;
    this.rootLinks.push(root);
    await must([tool('ip'), 'link', 'add', 'name', root, 'type', 'veth', 'peer', 'name', 'mgmt0', 'netns', s.netns]);
    await ipIn(undefined, 'addr', 'add', `172.31.${mgmt}.${4 * i + 1}/30`, 'dev', root);
    await ipIn(s.netns, 'addr', 'add', `${s.mgmtIp}/30`, 'dev', 'mgmt0');
    await Promise.all([offloadOff(undefined, root), offloadOff(s.netns, 'mgmt0')]);
    await ipIn(undefined, 'link', 'set', 'dev', root, 'up');
    await ipIn(s.netns, 'link', 'set', 'dev', 'mgmt0', 'up');
  }

  /** Both daemons run inside the site netns, so br-phy's tap and the ports they open are that site's. */
  private async startOvs(s: LabSite): Promise<void> {
    const d = s.runDir;
    const env = ovsEnv(d);
    mkdirSync(d, { recursive: true });
    await must([tool('ovsdb-tool'), 'create', join(d, 'conf.db'), SCHEMA]);
    // The unixctl sockets keep their default name (<daemon>.<pid>.ctl in OVS_RUNDIR): plain ovs-appctl finds them.
    await must(inNs(s.netns, [tool('ovsdb-server'), join(d, 'conf.db'), `--remote=punix:${join(d, 'db.sock')}`, `--pidfile=${join(d, 'ovsdb-server.pid')}`, `--log-file=${join(d, 'ovsdb-server.log')}`, '--detach', '--no-chdir']), { env });
    await must([tool('ovs-vsctl'), '--no-wait', 'init'], { env });
    await must(inNs(s.netns, [tool('ovs-vswitchd'), `unix:${join(d, 'db.sock')}`, `--pidfile=${join(d, 'ovs-vswitchd.pid')}`, `--log-file=${join(d, 'ovs-vswitchd.log')}`, '--detach', '--no-chdir']), { env });
    const wan = this.sites.length > 1 ? ['--', 'add-port', 'br-phy', 'wan0'] : [];
    await must([tool('ovs-vsctl'), '--timeout=20', 'add-br', 'br0', '--', 'set', 'bridge', 'br0', 'datapath_type=netdev', 'fail-mode=secure', '--', 'add-br', 'br-phy', '--', 'set', 'bridge', 'br-phy', 'datapath_type=netdev', ...wan], { env });
    // Secure fail mode starts with no flows at all: whatever a test does not steer is switched as usual.
    await must([tool('ovs-ofctl'), 'add-flow', 'br0', 'priority=0,actions=NORMAL'], { env });
    await ipIn(s.netns, 'addr', 'add', `${s.underlayIp}/24`, 'dev', 'br-phy');
    await ipIn(s.netns, 'link', 'set', 'dev', 'br-phy', 'up');
  }

  private async startSshd(s: LabSite): Promise<void> {
    const key = join(s.runDir, 'ssh_host_ed25519_key');
    await keygen(key, `${s.netns}-host`);
    s.hostKeyFingerprint = fingerprintOfPubFile(`${key}.pub`);
    const listed = (await must([tool('ssh-keygen'), '-lf', `${key}.pub`])).split(/\s+/)[1];
    if (listed !== s.hostKeyFingerprint) throw new Error(`host key fingerprint ${s.hostKeyFingerprint} differs from ssh-keygen's ${listed}`);
    const config = join(s.runDir, 'sshd_config');
    writeFileSync(config, [
      `ListenAddress ${s.mgmtIp}`, 'Port 22', `HostKey ${key}`, `PidFile ${join(s.runDir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(this.dir, 'authorized_keys')}`, 'PermitRootLogin prohibit-password', 'PubkeyAuthentication yes',
      'PasswordAuthentication no', 'KbdInteractiveAuthentication no',
      // No PAM stack to configure, and the lab's files live in a world-readable temp dir.
      'UsePAM no', 'StrictModes no',
      // A session's plain ovs-vsctl / ovs-ofctl br0 / ovs-appctl reach this site's OVS, as on a real site.
      `SetEnv OVS_RUNDIR=${s.runDir}`,
      '',
    ].join('\n'));
    await must(inNs(s.netns, [SSHD, '-f', config, '-E', join(s.runDir, 'sshd.log')]));
    // sshd writes its pidfile once it listens, after it has detached.
    for (const end = Date.now() + 5000; !existsSync(join(s.runDir, 'sshd.pid')); await sleep(20)) {
      if (Date.now() > end) throw new Error(`sshd in ${s.netns} did not start: ${readLog(join(s.runDir, 'sshd.log'))}`);
    }
  }

  /** Tunnel ports are protected: NORMAL does not forward between them, so a mesh of 3+ sites cannot loop. */
  private async meshTunnels(): Promise<void> {
    await Promise.all(this.sites.map((s, i) => {
      const ports = this.sites.flatMap((o, j) => j === i ? [] : ['--', '--may-exist', 'add-port', 'br0', `vx${j}`, '--', 'set', 'interface', `vx${j}`, 'type=vxlan', `options:remote_ip=${o.underlayIp}`, 'options:key=100', '--', 'set', 'port', `vx${j}`, 'protected=true']);
      return ports.length ? must([tool('ovs-vsctl'), '--timeout=20', ...ports.slice(1)], { env: ovsEnv(s.runDir) }) : undefined;
    }));
    await this.warmUnderlay();
  }

  /** OVS's native tunnel drops the first packet while it learns the remote underlay MAC: learn it now. */
  private async warmUnderlay(): Promise<void> {
    await Promise.all(this.sites.flatMap((s, i) => this.sites.filter((_, j) => j !== i).map(async (o) => {
      for (let k = 0; k < 3; k++) if ((await run(inNs(s.netns, [tool('ping'), '-c1', '-W1', o.underlayIp]))).code === 0) return;
      throw new Error(`underlay ${s.underlayIp} -> ${o.underlayIp} does not answer`);
    })));
  }

  async addHost(siteIndex: number, name: string, ifaces: LabIface[]): Promise<void> {
    const site = this.site(siteIndex);
    if (!/^[a-z0-9]{1,6}$/.test(name)) throw new Error(`host name must be 1-6 characters [a-z0-9]: '${name}'`);
    const ns = `${this.prefix}${name}`;
    // s<i> and wan would be a site's or the WAN's own namespace.
    if (this.hosts.has(name) || this.namespaces.includes(ns) || /^s\d+$/.test(name) || name === 'wan') throw new Error(`host name ${name} is taken`);
    for (const f of ifaces) {
      if (!IFNAME.test(f.ifname) || !IFNAME.test(f.ovsPort)) throw new Error(`interface names must be ≤15 characters [A-Za-z0-9_-]: '${f.ifname}', '${f.ovsPort}'`);
      if (!MAC.test(f.mac) || !CIDR.test(f.cidr)) throw new Error(`bad MAC or address for ${f.ifname}: '${f.mac}', '${f.cidr}'`);
    }
    this.hosts.set(name, ns);
    this.hostPorts.set(name, { site, ports: ifaces.map((f) => f.ovsPort) });
    await this.addNetns(ns);
    await Promise.all(ifaces.map(async (f) => {
      await must([tool('ip'), 'link', 'add', 'name', f.ifname, 'netns', ns, 'address', f.mac, 'type', 'veth', 'peer', 'name', f.ovsPort, 'netns', site.netns]);
      await ipIn(ns, 'addr', 'add', f.cidr, 'dev', f.ifname);
      await Promise.all([offloadOff(ns, f.ifname), offloadOff(site.netns, f.ovsPort)]);
      await ipIn(ns, 'link', 'set', 'dev', f.ifname, 'up');
      await ipIn(site.netns, 'link', 'set', 'dev', f.ovsPort, 'up');
    }));
    const ports = ifaces.flatMap((f) => [
      '--', 'add-port', 'br0', f.ovsPort,
      ...Object.entries(f.externalIds ?? {}).flatMap(([k, v]) => ['--', 'set', 'interface', f.ovsPort, `external_ids:${JSON.stringify(k)}=${JSON.stringify(v)}`]),
    ]);
    if (ports.length) await must([tool('ovs-vsctl'), '--timeout=20', ...ports.slice(1)], { env: ovsEnv(site.runDir) });
  }

  async removeHost(name: string): Promise<void> {
    const ns = this.hosts.get(name);
    const plugged = this.hostPorts.get(name);
    if (!ns || !plugged) return;
    this.hosts.delete(name);
    this.hostPorts.delete(name);
    for (const pid of await netnsPids(ns)) signal(pid, 'SIGKILL');
    if (plugged.ports.length) await run([tool('ovs-vsctl'), '--timeout=20', ...plugged.ports.flatMap((p) => ['--', '--if-exists', 'del-port', 'br0', p]).slice(1)], { env: ovsEnv(plugged.site.runDir) });
    await run([tool('ip'), 'netns', 'del', ns]);
  }

  async makeForwarder(name: string, inIf: string, outIf: string): Promise<void> {
    const ns = this.hosts.get(name);
    if (!ns) throw new Error(`no host ${name}`);
    if (!IFNAME.test(inIf) || !IFNAME.test(outIf)) throw new Error(`bad interface names '${inIf}', '${outIf}'`);
    const ifs = [...new Set([inIf, outIf])];
    const conf = (i: string, key: string) => `/proc/sys/net/ipv4/conf/${i}/${key}`;
    // A bump in the wire sees packets for others (rp_filter would drop them) and must not tell the sender
    // about a better hop (redirects); on two arms in one subnet each arm answers ARP only for its own address.
    const set: Array<[string, string[]]> = [
      ['1', ['/proc/sys/net/ipv4/ip_forward', ...ifs.map((i) => conf(i, 'arp_ignore'))]],
      ['0', ['all', 'default', ...ifs].flatMap((i) => [conf(i, 'rp_filter'), conf(i, 'send_redirects')])],
      ['2', ifs.map((i) => conf(i, 'arp_announce'))],
    ];
    // tee rather than sysctl: procps is not on every image, coreutils is.
    for (const [value, files] of set) await must(inNs(ns, [tool('tee'), ...files]), { input: `${value}\n` });
    const routes: Array<[string, string, string]> = inIf === outIf ? [[inIf, outIf, '100']] : [[inIf, outIf, '100'], [outIf, inIf, '101']];
    for (const [from, to, table] of routes) {
      // Called again for the same host: drop the earlier rule instead of stacking a second one.
      while ((await run([tool('ip'), '-n', ns, 'rule', 'del', 'priority', table])).code === 0) continue;
      await ipIn(ns, 'rule', 'add', 'priority', table, 'iif', from, 'lookup', table);
      // No gateway: the next hop is the destination itself, found by ARP on that arm.
      await ipIn(ns, 'route', 'replace', 'default', 'dev', to, 'table', table);
    }
  }

  exec(netnsOrHostName: string, argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
    return run(inNs(this.netnsOf(netnsOrHostName), argv), { ...opts, track: this.children });
  }

  ovs(siteIndex: number, ovsTool: OvsTool, args: string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const s = this.site(siteIndex);
    return run(inNs(s.netns, [tool(ovsTool), ...args]), { ...opts, env: ovsEnv(s.runDir), track: this.children });
  }

  down(): Promise<void> {
    this.stopping ??= (async () => {
      for (const c of this.children) c.kill('SIGKILL');
      await teardown({ pidfiles: this.sites.flatMap((s) => sitePidfiles(s.runDir)), namespaces: this.namespaces, rootLinks: this.rootLinks, dir: this.dir });
    })();
    return this.stopping;
  }

  /** A host name given to addHost, a site name, or one of this lab's namespaces; nothing outside the lab. */
  private netnsOf(name: string): string {
    const ns = this.hosts.get(name) ?? this.sites.find((s) => s.name === name)?.netns ?? name;
    if (!this.namespaces.includes(ns)) throw new Error(`${name} is not a namespace of lab ${this.prefix}`);
    return ns;
  }

  private site(i: number): LabSite {
    const s = this.sites[i];
    if (!s) throw new Error(`lab ${this.prefix} has no site ${i}`);
    return s;
  }
}

function keygen(file: string, comment: string): Promise<string> {
  rmSync(file, { force: true });
  rmSync(`${file}.pub`, { force: true });
  return must([tool('ssh-keygen'), '-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-5).join(' | ');
  } catch {
    return '(no log)';
  }
}

/** Builds the lab; on any failure it removes what it had built and throws. */
export async function startLab(opts: LabOptions): Promise<Lab> {
  const why = labUnavailable();
  if (why) throw new Error(why);
  validatePrefix(opts.prefix);
  if (opts.sites.length < 1 || opts.sites.length > MAX_SITES) throw new Error(`a lab has 1-${MAX_SITES} sites`);
  if (new Set(opts.sites).size !== opts.sites.length) throw new Error('site names must be unique');
  const overlapping = readdirSync(tmpdir())
    .filter((d) => d.startsWith('nfvo-ovs-lab-'))
    .map((d) => d.slice('nfvo-ovs-lab-'.length))
    .filter((o) => o !== opts.prefix && (o.startsWith(opts.prefix) || opts.prefix.startsWith(o)));
  if (overlapping.length) throw new Error(`lab prefix '${opts.prefix}' overlaps lab '${overlapping[0]}' (its namespace names could clash): choose another, or cleanupStaleLabs('${overlapping[0]}') if that one is dead`);
  await cleanupStaleLabs(opts.prefix);
  const lab = new OvsLab(opts.prefix, opts.sites);
  try {
    await lab.start(opts.tunnel);
    return lab;
  } catch (e) {
    await lab.down().catch(() => undefined);
    throw e;
  }
}
