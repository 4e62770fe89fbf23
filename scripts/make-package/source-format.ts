import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PackageFormat } from '../../src/packages/archive/package-manifest';
import { normaliseManifestPath } from '../../src/packages/archive/manifest-path';
import { parseToscaMeta, type ToscaMeta } from '../../src/packages/archive/tosca-meta.parser';
import { napdNameOf, TOSCA_META } from '../../src/packages/archive/tosca-meta.reader';
import type { PackageSource } from './list-package-files';

export interface SourceManifests {
  format: PackageFormat;
  /** Manifest files of the package, in the order they go first into the archive. */
  manifests: string[];
  son?: string;
  napd?: string;
  mf?: string;
}

/**
 * Tells a package directory's format the way the NFVO will (META-INF/MANIFEST.MF: SONATA; TOSCA-Metadata
 * with a NAPD: 5GTANGO; TOSCA-Metadata or a root YAML with a same-named .mf: SOL004) and finds its manifests.
 * `tolerant` (for --keep-manifest) packs a TOSCA.meta that does not parse instead of failing on it.
 */
export async function sourceFormat(src: PackageSource, tolerant: boolean): Promise<SourceManifests | undefined> {
  const has = (f: string) => src.files.includes(f);
  const meta = has(TOSCA_META) ? await readMeta(src, tolerant) : undefined;
  if (meta || src.directories.includes('TOSCA-Metadata')) {
    const napd = (meta && napdNameOf(meta)) ?? (has('TOSCA-Metadata/NAPD.yaml') ? 'TOSCA-Metadata/NAPD.yaml' : undefined);
    const mf = meta ? metaManifest(meta) : undefined;
    const manifests = [TOSCA_META, napd, mf].filter((f): f is string => f !== undefined && has(f));
    return { format: napd ? 'tgo' : 'csar', manifests, napd, mf };
  }
  if (src.directories.includes('META-INF')) return { format: 'son', manifests: has('META-INF/MANIFEST.MF') ? ['META-INF/MANIFEST.MF'] : [], son: 'META-INF/MANIFEST.MF' };
  const rootYaml = src.files.find((f) => !f.includes('/') && /\.ya?ml$/i.test(f) && has(f.replace(/\.ya?ml$/i, '.mf')));
  if (rootYaml) return { format: 'csar', manifests: [rootYaml.replace(/\.ya?ml$/i, '.mf')], mf: rootYaml.replace(/\.ya?ml$/i, '.mf') };
  return undefined;
}

function metaManifest(meta: ToscaMeta): string | undefined {
  const declared = (meta.get('ETSI-Entry-Manifest') ?? meta.get('Entry-Manifest'))?.value;
  if (declared) return normaliseManifestPath(declared);
  const entry = meta.get('Entry-Definitions')?.value;
  return entry ? `${path.posix.basename(entry).replace(/\.ya?ml$/i, '')}.mf` : undefined;
}

async function readMeta(src: PackageSource, tolerant: boolean): Promise<ToscaMeta | undefined> {
  try {
    return parseToscaMeta(await readFile(path.join(src.dir, TOSCA_META), 'utf8'));
  } catch (e) {
    if (tolerant) return undefined;
    throw e;
  }
}
