import { existsSync } from 'node:fs';
import { bundleFile, sol005Dir, type EtsiBundle, type EtsiVersion } from './reference-data.locator';

/**
 * Why a test that needs the shared reference data cannot run, or undefined when it can.
 * The text names the path looked at, so a developer sees what to provide (or where to
 * point NFVO_REF_DIR). Without a bundle, the sol005 folder itself is checked.
 */
export function referenceSkipReason(bundle?: EtsiBundle, version: EtsiVersion = '2.4.1', env: NodeJS.ProcessEnv = process.env): string | undefined {
  const looked = bundle ? bundleFile(bundle, version, env) : sol005Dir(env);
  return existsSync(looked) ? undefined : `skipped: reference data not found (${looked})`;
}
