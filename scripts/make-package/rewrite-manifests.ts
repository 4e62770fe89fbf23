import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileDigests } from './file-digest';
import type { PackageSource } from './list-package-files';
import { rewriteMf } from './rewrite-mf';
import { NAPD_FIELDS, rewriteYamlManifest, SON_FIELDS, type RewriteResult } from './rewrite-yaml-manifest';
import type { SourceManifests } from './source-format';

export interface Rewrites {
  buffers: Map<string, Buffer>;
  dropped: Array<{ manifest: string; path: string }>;
}

/**
 * Recomputes the digests of every manifest of the package from the actual files: md5 in a SONATA
 * MANIFEST.MF, each item's own algorithm in a 5GTANGO NAPD, each block's algorithm in a SOL004 .mf.
 */
export async function rewriteManifests(src: PackageSource, found: SourceManifests, digests: FileDigests): Promise<Rewrites> {
  const files = new Set(src.files);
  const out: Rewrites = { buffers: new Map(), dropped: [] };
  const apply = async (manifest: string | undefined, rewrite: (text: string) => Promise<RewriteResult>) => {
    if (!manifest) return;
    if (!files.has(manifest)) throw new Error(`${manifest} is missing, so it cannot be rewritten; pass --keep-manifest to pack the directory as it is`);
    const result = await rewrite(await readFile(path.join(src.dir, manifest), 'utf8'));
    out.buffers.set(manifest, Buffer.from(result.text));
    out.dropped.push(...result.dropped.map((p) => ({ manifest, path: p })));
  };
  await apply(found.son, (t) => rewriteYamlManifest(t, SON_FIELDS, files, digests));
  await apply(found.napd, (t) => rewriteYamlManifest(t, NAPD_FIELDS, files, digests));
  await apply(found.mf, (t) => rewriteMf(t, found.mf!, files, digests));
  return out;
}
