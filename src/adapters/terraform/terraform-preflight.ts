import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesizeStack } from './synthesize-stack';
import { diagnostics, runTerraform } from './terraform-cli';
import { isTerraformError } from './terraform-error';

/** A preflight result is kept this long: installing a mirror takes an operator minutes, not milliseconds. */
const KEEP_MS = 60_000;

/**
 * Before a Kubernetes VIM is registered: is the terraform binary there, and can it install the provider the
 * stacks need (from the registry, or offline from the mirror TF_CLI_CONFIG_FILE names)? An `init` of the
 * stacks' provider requirements in a scratch directory answers both, with Terraform's own reason when not.
 */
export class TerraformPreflight {
  private last?: { at: number; reason: string | undefined };

  constructor(private readonly o: { bin: string; cliConfigFile?: string; timeoutMs: number; provider: boolean }) {}

  async check(): Promise<string | undefined> {
    if (this.last && Date.now() - this.last.at < KEEP_MS) return this.last.reason;
    const reason = await this.run();
    this.last = { at: Date.now(), reason };
    return reason;
  }

  private async run(): Promise<string | undefined> {
    const dir = await mkdtemp(join(tmpdir(), 'nfvo-tf-preflight-'));
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: this.o.cliConfigFile ?? '' };
    try {
      const version = await runTerraform(this.o.bin, ['version'], { cwd: dir, env, timeoutMs: this.o.timeoutMs });
      if (version.code !== 0) return `terraform version failed: ${diagnostics(version)}`;
      if (!this.o.provider) return undefined;
      // Exactly the provider requirements of a synthesized stack, without any resource.
      const required = (synthesizeStack({ nsInstanceId: 'preflight', nsLcmOpOccId: 'preflight', vimId: 'preflight', target: 'kubernetes', functions: [] }).json as { terraform: unknown }).terraform;
      await writeFile(join(dir, 'main.tf.json'), JSON.stringify({ terraform: required }));
      const init = await runTerraform(this.o.bin, ['init', '-input=false', '-no-color', '-backend=false'], { cwd: dir, env, timeoutMs: this.o.timeoutMs });
      return init.code === 0 ? undefined : `Terraform cannot install the Kubernetes provider the stacks need (configure a provider mirror with NFVO_TERRAFORM_CLI_CONFIG): ${diagnostics(init)}`;
    } catch (e) {
      return isTerraformError(e) ? e.message : (e as Error).message;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
