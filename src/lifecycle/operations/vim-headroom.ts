import type { Vim } from '../../infra/infra.model';
import type { Vim as PlacedVim, VimResources } from '../../placement';
import type { VimCapacity, VimPort } from '../ports/vim.port';
import type { VimPorts } from '../ports/vim-ports.port';
import type { Reserved } from '../ports/vim-reservations.port';

/** A VIM that has not told what it uses within this time counts as full for this placement. */
const USAGE_DEADLINE_MS = 10_000;
const UNLIMITED = Number.MAX_SAFE_INTEGER;

/**
 * The ports of the OpenStack VIMs, looked up before the placement lock is taken: a look-up reads the
 * registry, and on the embedded database a read outside the open transaction would wait for it forever.
 */
export async function openStackPorts(vims: readonly Vim[], ports: VimPorts | undefined): Promise<Map<string, VimPort | undefined>> {
  if (!ports) return new Map();
  const openstack = vims.filter((v) => v.vimType === 'openstack');
  return new Map(await Promise.all(openstack.map(async (v) => [v.id, await ports.forVim(v.id).catch(() => undefined)] as const)));
}

export interface Headroom {
  vims: PlacedVim[];
  /** VIMs that did not tell what they use: counted as full. */
  silent: Vim[];
}

/** The smaller of the registered capacity and the quota now; Nova's -1 is "no limit". */
const limit = (registered: number | undefined, quota: number | undefined): number | undefined => {
  const q = quota !== undefined && quota >= 0 ? quota : undefined;
  return registered === undefined ? q : q === undefined ? registered : Math.min(registered, q);
};

async function capacityOf(port: VimPort | undefined): Promise<VimCapacity | undefined> {
  if (!port) return undefined;
  const deadline = new Promise<undefined>((res) => setTimeout(() => res(undefined), USAGE_DEADLINE_MS).unref());
  return Promise.race([port.capacity().catch(() => undefined), deadline]);
}

/**
 * Each VIM as placement must see it now. For an OpenStack VIM: its limit is the smaller of its registered
 * capacity and its project's quota now (a quota lowered after registration counts, instances too), its
 * use is what Nova reports (other tenants' servers included), and `held` (what other operations placed
 * but may not have created yet) is reserved on top. Read `held` first, then this: see VimReservations.held.
 * A VIM that does not answer counts as full: nothing is placed on it.
 */
export async function headroom(vims: readonly Vim[], ports: Map<string, VimPort | undefined>, held: Map<string, Reserved>, siteOf: (v: Vim) => string): Promise<Headroom> {
  const silent = new Set<string>();
  const out = await Promise.all(vims.map(async (v): Promise<PlacedVim> => {
    const base = { id: v.id, name: v.name, siteId: siteOf(v), type: v.vimType };
    const registered = { vcpus: UNLIMITED, memoryMiB: UNLIMITED, ...v.capacity };
    if (!ports.has(v.id)) return { ...base, capacity: registered, used: { vcpus: 0, memoryMiB: 0 } };
    const c = await capacityOf(ports.get(v.id));
    if (!c) {
      silent.add(v.id);
      return { ...base, capacity: registered, used: { vcpus: UNLIMITED, memoryMiB: UNLIMITED, instances: UNLIMITED } };
    }
    const capacity: VimResources = {
      vcpus: limit(v.capacity?.vcpus, c.vcpus.total) ?? UNLIMITED,
      memoryMiB: limit(v.capacity?.memoryMiB, c.memoryMiB.total) ?? UNLIMITED,
      storageGiB: v.capacity?.storageGiB,
      instances: limit(v.capacity?.instances, c.instances.total),
    };
    const used = { vcpus: c.vcpus.used, memoryMiB: c.memoryMiB.used, instances: c.instances.used };
    return { ...base, capacity, used, reserved: held.get(v.id) ?? { vcpus: 0, memoryMiB: 0, instances: 0 } };
  }));
  return { vims: out, silent: vims.filter((v) => silent.has(v.id)) };
}

/** The note a refusal carries when VIMs counted as full because they did not answer. */
export function silentNote(silent: readonly Vim[], siteName: (v: Vim) => string): string {
  if (!silent.length) return '';
  const names = silent.map((v) => `${v.name ?? v.id} (${v.id}) at ${siteName(v)}`).join(', ');
  return ` (counted as full: ${names} did not report what ${silent.length > 1 ? 'they use' : 'it uses'})`;
}
