import { isYamlPath } from './descriptor-content-types';
import type { PackageFormat, PackageTree } from './package-manifest';
import { PackageError } from './package-error';
import { SON_MANIFEST } from './son-manifest.reader';
import { NAPD_DEFAULT } from './tgo-manifest.reader';
import { napdNameOf, readToscaMeta, TOSCA_META } from './tosca-meta.reader';

const LOOKED_FOR =
  `${SON_MANIFEST} (SONATA .son), ${TOSCA_META} with ${NAPD_DEFAULT} (5GTANGO .tgo), ${TOSCA_META} ` +
  '(ETSI SOL004 CSAR), or a root YAML file with a root .mf of the same name (SOL004 CSAR without TOSCA-Metadata)';

/**
 * Decides the package format from the unpacked tree. TOSCA-Metadata wins over META-INF: SOL004 is the
 * standard, and a CSAR may carry a META-INF folder of its own. 5GTANGO is told from plain SOL004 by its
 * NAPD, found at the usual path or announced in TOSCA.meta.
 */
export async function detectPackageFormat(tree: PackageTree, maxManifestBytes: number): Promise<PackageFormat> {
  const has = (p: string) => tree.files.has(p);
  if (has(TOSCA_META)) {
    if (has(NAPD_DEFAULT)) return 'tgo';
    return napdNameOf(await readToscaMeta(tree, maxManifestBytes)) ? 'tgo' : 'csar';
  }
  if (has(NAPD_DEFAULT)) return 'tgo';
  if (has(SON_MANIFEST)) return 'son';
  const rootYaml = [...tree.files].filter((f) => !f.includes('/') && isYamlPath(f));
  if (rootYaml.some((y) => has(`${y.replace(/\.ya?ml$/i, '')}.mf`))) return 'csar';
  throw nearMiss(tree, 'META-INF', SON_MANIFEST) ?? nearMiss(tree, 'TOSCA-Metadata', TOSCA_META) ??
    new PackageError('package.unknown-format', `Not a package this NFVO knows: looked for ${LOOKED_FOR}; found ${summary(tree)}.`);
}

/** A manifest folder without its manifest is a broken package of a known format, not an unknown one. */
function nearMiss(tree: PackageTree, folder: string, expected: string): PackageError | undefined {
  const inside = [...tree.files].filter((f) => f.toLowerCase().startsWith(`${folder.toLowerCase()}/`));
  if (!inside.length && !tree.directories.has(folder)) return undefined;
  const found = inside.length ? `it contains ${inside.slice(0, 5).map((f) => `"${f}"`).join(', ')}` : 'it is empty';
  return new PackageError('package.manifest-missing', `The package has a ${folder}/ folder but no "${expected}" (${found}).`, expected);
}

function summary(tree: PackageTree): string {
  const files = [...tree.files];
  if (!files.length) return 'no files at all';
  const shown = files.slice(0, 8).map((f) => `"${f}"`).join(', ');
  return `${files.length} file(s): ${shown}${files.length > 8 ? ', …' : ''}`;
}
