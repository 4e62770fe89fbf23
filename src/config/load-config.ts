import type { AppConfig } from './config.schema';
import { CONFIG_VARS } from './config.vars';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the whole environment at once, so a bad start lists every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const spec of CONFIG_VARS) {
    const raw = env[spec.env];
    if (raw === undefined || raw === '') {
      out[spec.key] = spec.default?.();
      continue;
    }
    try {
      out[spec.key] = spec.parse(raw);
    } catch (e) {
      const shown = spec.secret ? '' : ` (got "${raw.slice(0, 80)}")`;
      problems.push(`${spec.env} ${(e as Error).message}${shown}`);
    }
  }
  if (out.jwksUrl && !out.jwksIssuer) problems.push('NFVO_JWKS_ISSUER is required with NFVO_JWKS_URL: external tokens are accepted only from a named issuer');
  if (out.iac === 'terraform' && !out.databaseUrl) problems.push('NFVO_IAC=terraform keeps Terraform state in PostgreSQL (the pg backend): set DATABASE_URL, or use NFVO_IAC=emulated');
  if (problems.length) throw new ConfigError(problems);
  return out as unknown as AppConfig;
}
