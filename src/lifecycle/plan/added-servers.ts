import { type Plan, isRef } from './plan.model';

/** One server a plan creates: Nova counts it (and its flavor's size) against the VIM's quota. */
export interface AddedServer {
  stepId: string;
  vimId: string;
  vcpus: number;
  memoryMiB: number;
  instances: 1;
}

/**
 * The servers `plan` creates that do not run yet: every server step except removals and the steps of
 * `existing` (a reshape keeps those as they are). Sizes come from each server's flavor step, the size
 * the descriptor asks for.
 */
export function addedServers(plan: Plan, existing: ReadonlySet<string> = new Set()): AddedServer[] {
  const steps = new Map(plan.steps.map((s) => [s.id, s]));
  return plan.steps
    .filter((s) => s.kind === 'server' && !s.remove && !existing.has(s.id) && s.vimId)
    .map((s) => {
      const ref = s.params.flavorId;
      const flavor = isRef(ref) ? steps.get(ref.$ref.split('#')[0])?.params : undefined;
      return { stepId: s.id, vimId: s.vimId!, vcpus: Number(flavor?.vcpus ?? 0), memoryMiB: Number(flavor?.memoryMiB ?? 0), instances: 1 };
    });
}

/** What the servers add up to on each VIM. */
export function perVim(servers: readonly AddedServer[]): Map<string, { vcpus: number; memoryMiB: number; instances: number }> {
  const out = new Map<string, { vcpus: number; memoryMiB: number; instances: number }>();
  for (const s of servers) {
    const t = out.get(s.vimId) ?? { vcpus: 0, memoryMiB: 0, instances: 0 };
    out.set(s.vimId, { vcpus: t.vcpus + s.vcpus, memoryMiB: t.memoryMiB + s.memoryMiB, instances: t.instances + s.instances });
  }
  return out;
}
