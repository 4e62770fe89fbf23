import type { IacPort, StackSpec } from '../../lifecycle/ports/iac.port';
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
    const resources = Object.entries((synthesized.json.resource ?? {}) as Record<string, Record<string, unknown>>).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`));
    this.stacks.set(`${spec.vimId}/${spec.name}`, { spec: structuredClone(spec), owner, synthesized, resources });
    return stackOutputs(synthesized, synthesized.predicted);
  }

  async removeStack(_owner: ResourceOwner, vimId: string, name: string): Promise<void> {
    this.stacks.delete(`${vimId}/${name}`);
  }
}

/** A stack's outputs as the lifecycle reads them: `endpoint:<fn>.<cp>` addresses and `unit:<fn>.<unit>` Deployments. */
export function stackOutputs(s: SynthesizedStack, values: Record<string, string>): Record<string, string> {
  const endpoints = Object.entries(s.endpoints).flatMap(([fn, byCp]) => Object.entries(byCp).map(([cp, o]) => [`endpoint:${fn}.${cp}`, values[o]] as const)).filter(([, v]) => v !== undefined);
  return { ...Object.fromEntries(endpoints), ...Object.fromEntries(Object.entries(s.units).map(([k, v]) => [`unit:${k}`, v])) };
}
