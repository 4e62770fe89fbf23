import { isMap, isSeq, parseDocument } from 'yaml';
import { parseHashAlgorithm } from '../../src/packages/archive/hash-algorithm';
import { normaliseManifestPath } from '../../src/packages/archive/manifest-path';
import type { HashAlgorithm } from '../../src/packages/archive/package-manifest';
import type { FileDigests } from './file-digest';

export interface RewriteResult {
  text: string;
  /** Paths the manifest listed that the directory lacks: removed from the manifest. */
  dropped: string[];
}

/** Field names of package_content items: SONATA (pd-schema) and 5GTANGO (napd-schema). */
export const SON_FIELDS = { path: 'name', algorithm: undefined, hash: 'md5' } as const;
export const NAPD_FIELDS = { path: 'source', algorithm: 'algorithm', hash: 'hash' } as const;
type Fields = { path: string; algorithm: string | undefined; hash: string };

/**
 * Rewrites the digests of a YAML manifest's package_content from the actual files, keeping everything
 * else (comments, quoting, order) as written. SONATA items carry md5; 5GTANGO items carry their own
 * algorithm, which is kept. Items naming files the directory lacks are dropped, so the package written
 * is one whose manifest tells the truth.
 */
export async function rewriteYamlManifest(text: string, fields: Fields, files: ReadonlySet<string>, digests: FileDigests): Promise<RewriteResult> {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`cannot rewrite a manifest that does not parse: ${doc.errors[0]!.message}`);
  const content = doc.get('package_content', true);
  const dropped: string[] = [];
  if (isSeq(content)) {
    for (let i = content.items.length - 1; i >= 0; i--) {
      const item = content.items[i];
      if (!isMap(item)) continue;
      const declared = String(item.get(fields.path) ?? '');
      const file = normaliseManifestPath(declared);
      if (file === undefined || !files.has(file)) {
        dropped.unshift(declared);
        content.items.splice(i, 1);
        continue;
      }
      const algorithm: HashAlgorithm = fields.algorithm ? (parseHashAlgorithm(String(item.get(fields.algorithm) ?? '')) ?? 'sha256') : 'md5';
      if (fields.algorithm && !parseHashAlgorithm(String(item.get(fields.algorithm) ?? ''))) item.set(fields.algorithm, 'SHA-256');
      item.set(fields.hash, await digests.of(file, algorithm));
    }
  }
  return { text: doc.toString({ lineWidth: 0 }), dropped };
}
