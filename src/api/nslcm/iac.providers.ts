import type { AppConfig } from '../../config/config.schema';
import { EmulatedClusterIac } from '../../adapters/terraform/emulated-cluster-iac';
import { TerraformIac } from '../../adapters/terraform/terraform-iac';
import { TerraformRunner, terraformPgConnStr } from '../../adapters/terraform/terraform-runner';
import type { InfraRepository } from '../../infra/infra-repository.port';
import { kubernetesClusterEnv, onEmulatedSite } from '../../infra/kubernetes-cluster-env';
import type { IacPort, StackSpec } from '../../lifecycle/ports/iac.port';
import type { ResourceOwner } from '../../lifecycle/ports/vim.port';
import { NfvoError } from '../../shared/nfvo-error';
import type { SecretBox } from '../../shared/secret-box';

/**
 * Which IacPort deploys a cluster's stack (NFVO_IAC): `emulated` always the emulation, `terraform` always
 * Terraform, `auto` the emulation for the emulated sites' clusters and Terraform for every other cluster.
 * Terraform keeps its state in PostgreSQL; without it, a real cluster is refused with the reason.
 */
export function iacPort(config: AppConfig, d: { repo: InfraRepository; box: SecretBox }): IacPort & { emulated: EmulatedClusterIac } {
  const emulated = new EmulatedClusterIac();
  const terraform = config.databaseUrl && config.iac !== 'emulated'
    ? new TerraformIac({
      runner: new TerraformRunner({
        bin: config.terraformBin, workRoot: config.terraformWorkdir, pgConnStr: terraformPgConnStr(config.databaseUrl), schema: `${config.dbSchema}_tfstate`,
        timeoutMs: config.terraformTimeoutSeconds * 1000, cliConfigFile: config.terraformCliConfig,
      }),
      target: config.terraformTarget,
      clusterEnv: (vimId) => kubernetesClusterEnv(d.repo, d.box, vimId),
    })
    : undefined;
  const pick = async (vimId: string): Promise<IacPort> => {
    if (config.iac === 'emulated' || (config.iac === 'auto' && (await onEmulatedSite(d.repo, vimId)))) return emulated;
    if (!terraform) throw new NfvoError('UNPROCESSABLE', 'Deploying to a real Kubernetes cluster needs Terraform, whose state this NFVO keeps in PostgreSQL: run it with DATABASE_URL.');
    return terraform;
  };
  return {
    emulated,
    ensureStack: async (owner: ResourceOwner, spec: StackSpec) => (await pick(spec.vimId)).ensureStack(owner, spec),
    removeStack: async (owner: ResourceOwner, vimId: string, name: string) => (await pick(vimId)).removeStack(owner, vimId, name),
    checkStack: async (owner: ResourceOwner, spec: StackSpec) => (await pick(spec.vimId)).checkStack(owner, spec),
  };
}
