import type { IacPort, StackDrift, StackSpec } from '../../lifecycle/ports/iac.port';
import type { ResourceOwner } from '../../lifecycle/ports/vim.port';
import type { SynthesizedStack } from './synthesize-stack';
import { synthesizeStack } from './synthesize-stack';

/** What the emulated cluster holds for one stack: the spec, the synthesized JSON and its resources (`type.name`). */
export interface EmulatedStack {
  spec: StackSpec;
  owner: ResourceOwner;
  synthesized: SynthesizedStack;
  resources: string[];
}

/**
 * EMULATION of a Kubernetes cluster behind Terraform, for the embedded default and for tests without
 * terraform: each stack is synthesized exactly as for a real cluster (so bad input fails the same way),
 * its resources are recorded as the deployed state, and every endpoint answers with the address its
 * Service would have (names are deterministic). Nothing is deployed anywhere.
 */
export class EmulatedClusterIac implements IacPort {
  readonly stacks = new Map<string, EmulatedStack>();

  async ensureStack(owner: ResourceOwner, spec: StackSpec): Promise<Record<string, string>> {
    const synthesized = synthesizeStack({ nsInstanceId: owner.nsInstanceId, nsLcmOpOccId: owner.nsLcmOpOccId, vimId: spec.vimId, target: 'kubernetes', functions: spec.functions });
    const resources = resourcesOf(synthesized);
    this.stacks.set(`${spec.vimId}/${spec.name}`, { spec: structuredClone(spec), owner, synthesized, resources });
    return stackOutputs(owner, synthesized, synthesized.predicted);
  }

  /** What a plan would change: the resources of the stack that the emulated cluster no longer holds. */
  async checkStack(owner: ResourceOwner, spec: StackSpec): Promise<StackDrift> {
    const want = synthesizeStack({ nsInstanceId: owner.nsInstanceId, nsLcmOpOccId: owner.nsLcmOpOccId, vimId: spec.vimId, target: 'kubernetes', functions: spec.functions });
    const held = new Set(this.stacks.get(`${spec.vimId}/${spec.name}`)?.resources ?? []);
    const missing = resourcesOf(want).filter((r) => !held.has(r)).map((address) => ({ address, action: 'create' }));
    return { drifted: missing.length > 0, resources: missing };
  }

  /** EMULATION of a change behind the NFVO's back: a resource of a stack disappears from the cluster. */
  deleteOutOfBand(vimId: string, name: string, address: string): boolean {
    const s = this.stacks.get(`${vimId}/${name}`);
    if (!s?.resources.includes(address)) return false;
    s.resources = s.resources.filter((r) => r !== address);
    return true;
  }

  async removeStack(_owner: ResourceOwner, vimId: string, name: string): Promise<void> {
    this.stacks.delete(`${vimId}/${name}`);
  }
}

const resourcesOf = (s: SynthesizedStack): string[] =>
  Object.entries((s.json.resource ?? {}) as Record<string, Record<string, unknown>>).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`));

/**
 * A stack's outputs as the lifecycle keeps them: `endpoint:<fn>.<cp>` addresses, `unit:<fn>.<unit>`
 * Deployments, the synthesized JSON (`iac`, for audit) and the operation that applied it (`appliedBy`,
 * whose labels a drift check must expect).
 */
export function stackOutputs(owner: ResourceOwner, s: SynthesizedStack, values: Record<string, string>): Record<string, string> {
  const endpoints = Object.entries(s.endpoints).flatMap(([fn, byCp]) => Object.entries(byCp).map(([cp, o]) => [`endpoint:${fn}.${cp}`, values[o]] as const)).filter(([, v]) => v !== undefined);
  return {
    ...Object.fromEntries(endpoints), ...Object.fromEntries(Object.entries(s.units).map(([k, v]) => [`unit:${k}`, v])),
    iac: JSON.stringify(s.json), appliedBy: owner.nsLcmOpOccId,
  };
}
