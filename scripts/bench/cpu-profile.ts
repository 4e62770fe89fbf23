import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export interface CpuShares {
  busyMs: number;
  /** Share of busy time by where the running function lives: our code, a dependency, or Node and V8. */
  ours: number;
  dependencies: number;
  runtime: number;
  /** The largest single contributors, `name share`. */
  top: Array<{ name: string; share: number }>;
}

/**
 * Where a process spent its busy time, from the V8 CPU profile it wrote on exit: each sample is charged
 * to the function on top of the stack (self time). Idle samples and module loading (start-up) are left out.
 */
export function cpuShares(dir: string, ourPath: string): CpuShares {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no CPU profile in ${dir}`);
  const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const startup = (id: number): boolean => {
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) if (/node:internal\/modules\//.test(byId.get(x)!.callFrame.url)) return true;
    return false;
  };
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const by = new Map<string, number>();
  let busy = 0;
  const sums = { ours: 0, dependencies: 0, runtime: 0 };
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)' || startup(id)) continue;
    busy += us;
    const dep = f.url.match(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1];
    const kind = f.url.includes(ourPath) ? 'ours' : dep ? 'dependencies' : 'runtime';
    sums[kind] += us;
    const name = kind === 'ours' ? 'our code' : dep ?? (f.functionName || f.url || '(anonymous)');
    by.set(name, (by.get(name) ?? 0) + us);
  }
  const share = (us: number) => (busy ? us / busy : 0);
  return {
    busyMs: busy / 1000, ours: share(sums.ours), dependencies: share(sums.dependencies), runtime: share(sums.runtime),
    top: [...by].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, us]) => ({ name, share: share(us) })),
  };
}
