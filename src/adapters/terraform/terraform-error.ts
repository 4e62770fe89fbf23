/** Why a Terraform run failed, with Terraform's own diagnostic text. */
export type TerraformErrorKind = 'NOT_INSTALLED' | 'DIAGNOSTIC' | 'STATE_LOCKED' | 'TIMEOUT' | 'CANCELLED' | 'FAILED';

export class TerraformError extends Error {
  constructor(readonly kind: TerraformErrorKind, readonly command: string, message: string) {
    super(`terraform ${command}: ${message}`);
  }

  /** A lock held by another run, or our own deadline, may pass; a diagnostic about the configuration will not. */
  get retryable(): boolean {
    return this.kind === 'STATE_LOCKED' || this.kind === 'TIMEOUT';
  }
}

export const isTerraformError = (e: unknown): e is TerraformError => e instanceof TerraformError;
