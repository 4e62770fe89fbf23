import { normaliseManifestPath } from './manifest-path';
import type { PackageTree } from './package-manifest';
import { problem, type PackageProblem } from './package-problem';
import { readPackageText } from './read-manifest-text';
import { parseToscaMeta, type ToscaMeta } from './tosca-meta.parser';

export const TOSCA_META = 'TOSCA-Metadata/TOSCA.meta';
/** 5GTANGO's NAPD is announced in TOSCA.meta by a `Name:` block with this content type. */
export const NAPD_CONTENT_TYPE = 'application/vnd.5gtango.napd';

export const readToscaMeta = async (tree: PackageTree, maxBytes: number): Promise<ToscaMeta> =>
  parseToscaMeta(await readPackageText(tree.root, TOSCA_META, maxBytes), TOSCA_META);

/** The `Name:` of the block announcing the NAPD, if any. */
export function napdNameOf(meta: ToscaMeta): string | undefined {
  const block = meta.blocks.slice(1).find((b) => b.some((kv) => kv.key.toLowerCase() === 'content-type' && kv.value.toLowerCase() === NAPD_CONTENT_TYPE));
  return block?.find((kv) => kv.key.toLowerCase() === 'name')?.value;
}

/**
 * Resolves a path-valued key of block 0. SOL004 names them `ETSI-Entry-*`; 5GTANGO and TOSCA 1.0 write
 * them without the prefix (`Entry-Manifest`), so both spellings are read, ETSI's first.
 */
export function metaPath(meta: ToscaMeta, key: string, problems: PackageProblem[]): { path: string; line: number } | undefined {
  const kv = meta.get(`ETSI-${key}`) ?? meta.get(key);
  if (!kv || kv.value === '') return undefined;
  const path = normaliseManifestPath(kv.value);
  if (path === undefined) {
    const message = `${TOSCA_META} line ${kv.line}: ${kv.key} "${kv.value}" is not a path inside the package.`;
    problems.push(problem({ code: 'package.manifest-invalid', file: TOSCA_META, line: kv.line, message }));
    return undefined;
  }
  return { path, line: kv.line };
}

/** Block-0 keys as metadata. */
export const metaMetadata = (meta: ToscaMeta | undefined): Record<string, string> =>
  Object.fromEntries((meta?.blocks[0] ?? []).map((kv) => [kv.key, kv.value]));

/** A referenced file or directory that the archive lacks. */
export const missingReference = (what: string, ref: { path: string; line: number }, declaredIn = TOSCA_META): PackageProblem =>
  problem({
    code: 'package.missing-entry',
    file: ref.path,
    declaredIn,
    line: ref.line,
    message: `${declaredIn} line ${ref.line} names ${what} "${ref.path}", which the package does not contain.`,
  });
