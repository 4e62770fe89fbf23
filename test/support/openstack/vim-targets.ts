import { readFileSync } from 'node:fs';
import { OpenStackEmulator } from '../../../src/adapters/emulated/openstack/openstack-emulator';
import { OpenStackVim, type OpenStackVimOptions, defaultOpenStackVimOptions } from '../../../src/adapters/openstack/openstack-vim';
import type { FlavorPolicy } from '../../../src/infra/infra.model';
import { type CloudAccount, CloudClient, accountFromEnv, readEnvFile } from '../../../scripts/support/cloud-client';

/**
 * Where the OpenStack adapter's contract suite runs: the emulator always, and a real OpenStack whenever
 * OS_AUTH_URL and friends name a project account (a member, as an NFVO's VIM account usually is). Each
 * target gives the adapter under test, a client acting as the same account behind the adapter's back, and
 * the admin operations a test needs (quotas, out-of-band deletes, a password change).
 */
export interface VimTarget {
  label: string;
  /** The adapter, logged in as the project member. */
  adapter(o?: { flavorPolicy?: FlavorPolicy; options?: Partial<OpenStackVimOptions> }): OpenStackVim;
  /** The adapter logged in as an admin of a project (flavor creation is allowed there). */
  adminAdapter(flavorPolicy: FlavorPolicy): OpenStackVim;
  member: CloudClient;
  admin: CloudClient;
  /** Sets the member project's instance quota; the returned function puts the old one back. */
  limitInstances(n: number): Promise<() => Promise<void>>;
  /** Changes the member's password; the returned function puts the old one back. */
  changePassword(password: string): Promise<() => Promise<void>>;
  /** An image the project may boot, with its MD5 checksum. */
  image: { name: string; checksum: string };
  computeHosts: number;
  close(): Promise<void>;
}

const options = (o?: Partial<OpenStackVimOptions>): OpenStackVimOptions => ({ ...defaultOpenStackVimOptions, callTimeoutMs: 30_000, poll: { initialMs: 50, maxMs: 1_000, timeoutMs: 120_000 }, retryBaseMs: 50, ...o });

function adapterFor(a: CloudAccount, flavorPolicy: FlavorPolicy | undefined, o?: Partial<OpenStackVimOptions>): OpenStackVim {
  return new OpenStackVim({ endpoint: a.authUrl, project: a.project, projectDomain: a.projectDomain, region: a.region, flavorPolicy }, { authType: 'password', username: a.username, password: a.password, userDomain: a.userDomain }, options(o));
}

/** The emulator as a default Zed cloud: a member account, no `tag-creation`, one compute host like the lab. */
export async function emulatorTarget(): Promise<VimTarget> {
  const host = [{ name: 'compute-1', vcpus: 64, memoryMiB: 262144 }];
  const credentials = { username: 'nfvo', password: 'member-secret', project: 'nfvo' };
  const emu = await OpenStackEmulator.start({ buildMs: 30, deleteMs: 30, hosts: host, roles: ['member', 'reader'], credentials });
  // Admin rights on the emulator: a second cloud whose account is an admin (one identity per emulated cloud).
  const adminEmu = await OpenStackEmulator.start({ buildMs: 30, deleteMs: 30, hosts: host });
  const account = (e: OpenStackEmulator, c: typeof credentials): CloudAccount => ({ authUrl: e.url, ...c, region: e.region });
  const memberAccount = account(emu, credentials);
  const adminAccount = account(adminEmu, { username: 'admin', password: 'secret', project: 'admin' });
  const cirros = emu.inventory().images[0];
  const member = new CloudClient(memberAccount);
  const md5 = ((await new CloudClient(memberAccount).call('image', 'GET', `/images/${cirros.id}`)).json.checksum) as string;
  return {
    label: 'emulator',
    adapter: (o) => adapterFor({ ...memberAccount, password: emu.identity.password }, o?.flavorPolicy, o?.options),
    adminAdapter: (p) => adapterFor(adminAccount, p),
    member,
    admin: new CloudClient(adminAccount),
    limitInstances: async (n) => {
      const before = (await member.call('compute', 'GET', '/limits')).json.limits.absolute.maxTotalInstances as number;
      emu.setQuotas({ instances: n });
      return async () => emu.setQuotas({ instances: before });
    },
    changePassword: async (password) => {
      const old = emu.identity.password;
      emu.changePassword(password);
      return async () => { emu.changePassword(old); member.reset(); };
    },
    image: { name: cirros.name, checksum: md5 },
    computeHosts: host.length,
    close: async () => { await emu.close(); await adminEmu.close(); },
  };
}

/** Why the real target cannot run, or undefined: it needs OS_AUTH_URL & co. and the lab's admin env file. */
export function realOpenStackMissing(env = process.env): string | undefined {
  if (!env.OS_AUTH_URL) return 'no real OpenStack configured (OS_AUTH_URL unset; scripts/provision-openstack-lab.sh starts one and writes member.env)';
  if (!env.NFVO_LAB_ADMIN_ENV) return 'NFVO_LAB_ADMIN_ENV unset: the admin account of the OpenStack lab is needed for quotas and out-of-band changes';
  return undefined;
}

export async function realOpenStackTarget(env = process.env): Promise<VimTarget> {
  const memberAccount = accountFromEnv(env);
  const adminAccount = accountFromEnv(readEnvFile(readFileSync(env.NFVO_LAB_ADMIN_ENV!, 'utf8')));
  const admin = new CloudClient(adminAccount);
  const member = new CloudClient(memberAccount);
  const { userId, projectId } = await member.ids();
  let password = memberAccount.password;
  const setPassword = async (p: string) => {
    const r = await admin.call('identity', 'PATCH', `/users/${userId}`, { user: { password: p } });
    if (r.status !== 200) throw new Error(`password change: HTTP ${r.status} ${JSON.stringify(r.json)}`);
    password = p;
    // Keystone revokes the user's tokens issued up to this second (its revocation events have one-second
    // granularity): a token issued in the same second would be refused too, so log in again after it.
    await new Promise((r) => setTimeout(r, 1_100));
    member.reset();
  };
  const hypervisors = await admin.list('compute', '/os-hypervisors', 'hypervisors');
  return {
    label: 'real OpenStack',
    adapter: (o) => adapterFor({ ...memberAccount, password }, o?.flavorPolicy, o?.options),
    adminAdapter: (p) => adapterFor(adminAccount, p),
    member,
    admin,
    limitInstances: async (n) => {
      const before = (await admin.call('compute', 'GET', `/os-quota-sets/${projectId}`)).json.quota_set.instances as number;
      const put = async (v: number) => {
        const r = await admin.call('compute', 'PUT', `/os-quota-sets/${projectId}`, { quota_set: { instances: v } });
        if (r.status !== 200) throw new Error(`quota: HTTP ${r.status} ${JSON.stringify(r.json)}`);
      };
      await put(n);
      return () => put(before);
    },
    changePassword: async (p) => {
      const old = password;
      await setPassword(p);
      return () => setPassword(old);
    },
    image: { name: env.NFVO_LAB_IMAGE_NAME ?? 'cirros-0.6.2-x86_64-disk', checksum: env.NFVO_LAB_IMAGE_MD5 ?? '' },
    computeHosts: hypervisors.length,
    close: async () => undefined,
  };
}
