import type { AppConfig } from '../../config/config.schema';
import { EmulatedClusterIac } from '../../adapters/terraform/emulated-cluster-iac';
import { TerraformIac } from '../../adapters/terraform/terraform-iac';
import { TerraformRunner, terraformPgConnStr } from '../../adapters/terraform/terraform-runner';
import type { InfraRepository } from '../../infra/infra-repository.port';
import { emulatedSite, iacFor, kubernetesClusterEnv, onEmulatedSite } from '../../infra/kubernetes-cluster-env';
import type { ClusterPreflight } from '../../infra/cluster-preflight.port';
import { TerraformPreflight } from '../../adapters/terraform/terraform-preflight';
import type { IacPort, StackSpec } from '../../lifecycle/ports/iac.port';
import type { ResourceOwner } from '../../lifecycle/ports/vim.port';
import { NfvoError } from '../../shared/nfvo-error';
import type { SecretBox } from '../../shared/secret-box';

export const NEEDS_POSTGRES = 'Deploying to a real Kubernetes cluster needs Terraform, whose state this NFVO keeps in PostgreSQL: run it with DATABASE_URL (or NFVO_IAC=emulated for an emulated cluster).';

/** Registering a Kubernetes VIM that will take Terraform: the binary, its provider (and PostgreSQL for its state) must be there. */
export function clusterPreflight(config: AppConfig, repo: InfraRepository): ClusterPreflight {
  const terraform = new TerraformPreflight({ bin: config.terraformBin, cliConfigFile: config.terraformCliConfig, timeoutMs: 120_000, provider: config.terraformTarget === 'kubernetes' });
  return {
    check: async (vim) => {
      if (iacFor(config.iac, config.iac === 'auto' && (await emulatedSite(repo, vim.siteId))) === 'emulated') return undefined;
      if (!config.databaseUrl) return NEEDS_POSTGRES;
      return terraform.check();
    },
  };
}

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
    if (iacFor(config.iac, config.iac === 'auto' && (await onEmulatedSite(d.repo, vimId))) === 'emulated') return emulated;
    if (!terraform) throw new NfvoError('UNPROCESSABLE', NEEDS_POSTGRES);
    return terraform;
  };
  return {
    emulated,
    ensureStack: async (owner: ResourceOwner, spec: StackSpec, signal?: AbortSignal) => (await pick(spec.vimId)).ensureStack(owner, spec, signal),
    removeStack: async (owner: ResourceOwner, vimId: string, name: string, signal?: AbortSignal) => (await pick(vimId)).removeStack(owner, vimId, name, signal),
    checkStack: async (owner: ResourceOwner, spec: StackSpec) => (await pick(spec.vimId)).checkStack(owner, spec),
  };
}
