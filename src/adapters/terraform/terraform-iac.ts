import type { IacPort, StackDrift, StackSpec } from '../../lifecycle/ports/iac.port';
import type { ResourceOwner } from '../../lifecycle/ports/vim.port';
import { stackOutputs } from './emulated-cluster-iac';
import type { ClusterStack } from './cluster-stack';
import { synthesizeStack } from './synthesize-stack';
import type { TerraformRunner } from './terraform-runner';

export interface TerraformIacDeps {
  runner: TerraformRunner;
  target: ClusterStack['target'];
  /** The cluster of a Kubernetes VIM as provider settings (KUBE_HOST, KUBE_TOKEN, …), read from the registry when needed. */
  clusterEnv(vimId: string): Promise<Record<string, string>>;
  /** Keeps what was applied with the operation, for audit. */
  record?(owner: ResourceOwner, vimId: string, json: Record<string, unknown>): Promise<void>;
}

/** One state per NS instance and cluster. */
const workspaceOf = (nsInstanceId: string, vimId: string) => `ns-${nsInstanceId}-vim-${vimId}`;

/**
 * The IacPort on a real Terraform: the stack synthesized for the target, applied by the runner with the
 * cluster's credentials in the provider's environment, its outputs read back as endpoint addresses.
 * Applying the same stack again changes nothing; a heal replaces the healed functions' units.
 */
export class TerraformIac implements IacPort {
  constructor(private readonly d: TerraformIacDeps) {}

  async ensureStack(owner: ResourceOwner, spec: StackSpec, signal?: AbortSignal): Promise<Record<string, string>> {
    const s = synthesizeStack({ nsInstanceId: owner.nsInstanceId, nsLcmOpOccId: owner.nsLcmOpOccId, vimId: spec.vimId, target: this.d.target, functions: spec.functions });
    const env = this.d.target === 'kubernetes' ? await this.d.clusterEnv(spec.vimId) : {};
    const replace = (spec.replace ?? []).flatMap((fn) => s.addresses[fn] ?? []);
    const applied = await this.d.runner.apply({ workspace: workspaceOf(owner.nsInstanceId, spec.vimId), json: s.json, env, replace, signal });
    await this.d.record?.(owner, spec.vimId, s.json);
    return stackOutputs(owner, s, applied.outputs);
  }

  /** `plan -detailed-exitcode` of the stack as it was applied: drift is whatever Terraform would change. */
  async checkStack(owner: ResourceOwner, spec: StackSpec): Promise<StackDrift> {
    const s = synthesizeStack({ nsInstanceId: owner.nsInstanceId, nsLcmOpOccId: owner.nsLcmOpOccId, vimId: spec.vimId, target: this.d.target, functions: spec.functions });
    const env = this.d.target === 'kubernetes' ? await this.d.clusterEnv(spec.vimId) : {};
    const plan = await this.d.runner.plan({ workspace: workspaceOf(owner.nsInstanceId, spec.vimId), json: s.json, env });
    return { drifted: plan.changed, resources: plan.resources };
  }

  /**
   * Destroys with an empty configuration: Terraform installs the providers the state needs and removes
   * everything in it, and a stack never applied (its first apply failed) destroys nothing and needs none.
   */
  async removeStack(owner: ResourceOwner, vimId: string, _name: string, signal?: AbortSignal): Promise<void> {
    await this.d.runner.destroy({ workspace: workspaceOf(owner.nsInstanceId, vimId), json: {}, env: this.d.target === 'kubernetes' ? await this.d.clusterEnv(vimId) : {}, signal });
  }
}
