import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The SOL005 APIs of which ETSI bundles are kept under shared/ref/sol005 (see its SOURCE.txt). */
export type EtsiBundle = 'nsd' | 'vnfpkgm' | 'nslcm' | 'nsfm' | 'nspm';
export type EtsiVersion = '2.4.1' | '2.7.1';

const BUNDLE_FILES: Record<EtsiVersion, Partial<Record<EtsiBundle, string>>> = {
  '2.4.1': {
    nsd: 'etsi-v2.4.1/SOL005-NSDManagement-API.json',
    vnfpkgm: 'etsi-v2.4.1/SOL005-VNFPackageManagement-API.json',
    nslcm: 'etsi-v2.4.1/SOL005-NSLifecycleManagement-API.json',
    nsfm: 'etsi-v2.4.1/SOL005-NSFaultManagement-API.json',
    nspm: 'etsi-v2.4.1/SOL005-NSPerformanceManagement-API.json',
  },
  // Only NS LCM exists as an ETSI bundle of V2.7.1 (kept by ONAP SO).
  '2.7.1': { nslcm: 'onap-so-v2.7.1/SOL005-NSLifecycleManagement-API.json' },
};

/** The folder holding package.json, found upwards from here (works from test/ and from dist/test/). */
export function repoRoot(start = __dirname): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/**
 * The shared reference folder: $NFVO_REF_DIR, else the `shared/ref` that sits beside
 * the repository (CI and developer machines have it; a fresh clone does not).
 */
export function referenceDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.NFVO_REF_DIR?.trim();
  return override ? path.resolve(override) : path.resolve(repoRoot(), '..', 'shared', 'ref');
}

export function sol005Dir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(referenceDir(env), 'sol005');
}

/** Where the bundle file would be; throws for a bundle/version pair no ETSI file exists for. */
export function bundleFile(bundle: EtsiBundle, version: EtsiVersion = '2.4.1', env: NodeJS.ProcessEnv = process.env): string {
  const rel = BUNDLE_FILES[version]?.[bundle];
  if (!rel) {
    const known = Object.entries(BUNDLE_FILES).flatMap(([v, files]) => Object.keys(files).map((b) => `${b}@${v}`));
    throw new Error(`no ETSI SOL005 bundle for ${bundle}@${version}; available: ${known.join(', ')}`);
  }
  return path.join(sol005Dir(env), rel);
}
