import { parseHashAlgorithm, ALGORITHM_LABEL } from '../../src/packages/archive/hash-algorithm';
import { isUri, normaliseManifestPath } from '../../src/packages/archive/manifest-path';
import { parseMfManifest } from '../../src/packages/archive/mf-manifest.parser';
import type { FileDigests } from './file-digest';
import type { RewriteResult } from './rewrite-yaml-manifest';

/**
 * Rewrites the `Hash:` lines of a SOL004 manifest (.mf) from the actual files, line by line so every
 * other line stays as written. A block without Algorithm/Hash gets SHA-256 ones; a block naming a file
 * the directory lacks is removed with its trailing blank line. Blocks are edited last to first, so
 * earlier line numbers stay valid.
 */
export async function rewriteMf(text: string, file: string, files: ReadonlySet<string>, digests: FileDigests): Promise<RewriteResult> {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const dropped: string[] = [];
  const blocks = parseMfManifest(text, file).sources;
  for (const block of [...blocks].reverse()) {
    const declared = block.source.value;
    if (isUri(declared)) continue;
    const path = normaliseManifestPath(declared);
    const first = block.source.line - 1;
    const last = Math.max(first, (block.algorithm?.line ?? 0) - 1, (block.hash?.line ?? 0) - 1);
    if (path === undefined || !files.has(path)) {
      dropped.unshift(declared);
      lines.splice(first, last - first + 1 + (lines[last + 1]?.trim() === '' ? 1 : 0));
      continue;
    }
    const algorithm = (block.algorithm && parseHashAlgorithm(block.algorithm.value)) || 'sha256';
    const digest = await digests.of(path, algorithm);
    if (block.algorithm && block.hash && parseHashAlgorithm(block.algorithm.value)) {
      lines[block.hash.line - 1] = `${block.hash.key}: ${digest}`;
    } else {
      lines.splice(first, last - first + 1, lines[first]!, `Algorithm: ${ALGORITHM_LABEL[algorithm]}`, `Hash: ${digest}`);
    }
  }
  return { text: lines.join(eol), dropped };
}
