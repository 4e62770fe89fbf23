import type { IacPort, StackSpec } from '../../../lifecycle/ports/iac.port';
import type { ResourceOwner } from '../../../lifecycle/ports/vim.port';

/**
 * Emulation of container stacks for the embedded default and tests, until the Terraform adapter
 * deploys them for real: it records each stack per VIM and answers with the in-cluster address every
 * endpoint would have (`http://<stack>-<endpoint>:<port>`, a Kubernetes Service name).
 */
export class EmulatedIac implements IacPort {
  readonly stacks = new Map<string, StackSpec & { owner: ResourceOwner }>();

  async ensureStack(owner: ResourceOwner, spec: StackSpec): Promise<Record<string, string>> {
    this.stacks.set(`${spec.vimId}/${spec.name}`, { ...structuredClone(spec), owner });
    return Object.fromEntries(spec.endpoints.map((e) => [`endpoint:${e.id}`, `http://${spec.name}-${e.id}${e.port ? `:${e.port}` : ''}`]));
  }

  async removeStack(_owner: ResourceOwner, vimId: string, name: string): Promise<void> {
    this.stacks.delete(`${vimId}/${name}`);
  }
}
