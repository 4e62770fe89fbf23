import { createHash } from 'node:crypto';
import path from 'node:path';
import { ALGORITHM_LABEL } from './hash-algorithm';
import type { HashAlgorithm, ManifestFile } from './package-manifest';
import { problem, type PackageProblem } from './package-problem';
import { reusedBufferReads } from './reused-buffer-reads';
import type { UnpackedEntry } from './unpack-result';

/**
 * Checks every integrity claim of the manifest(s) against the unpacked files and returns ALL problems:
 * a listed file that is absent is `package.missing-entry`, a digest that differs (hex compared
 * case-insensitively) is `package.checksum-mismatch` naming the file, both digests and the manifest
 * line(s). md5/sha256/sha512 were computed while unpacking; only the rare SHA-384 reads the file again.
 */
export async function verifyChecksums(files: readonly ManifestFile[], entries: readonly UnpackedEntry[], root: string): Promise<PackageProblem[]> {
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const byLower = new Map(entries.map((e) => [e.path.toLowerCase(), e.path]));
  const problems: PackageProblem[] = [];
  for (const f of files) {
    const { where, declaredIn, verb } = claimsOf(f);
    const entry = byPath.get(f.path);
    if (!entry) {
      const near = byLower.get(f.path.toLowerCase());
      const hint = near ? ` (it has "${near}", which differs in case)` : '';
      const message = `${where} ${verb('lists', 'list')} "${f.path}", but the package does not contain it${hint}.`;
      problems.push(problem({ code: 'package.missing-entry', file: f.path, declaredIn, line: f.line, message }));
      continue;
    }
    if (!f.algorithm || !f.hash) continue;
    const expected = f.hash.toLowerCase();
    const actual = await digestOf(entry, f.algorithm, root);
    if (actual === expected) continue;
    const message = `"${f.path}" does not match its ${ALGORITHM_LABEL[f.algorithm]} checksum: ${where} ${verb('says', 'say')} ${expected}, the file has ${actual}.`;
    problems.push(problem({ code: 'package.checksum-mismatch', file: f.path, declaredIn, line: f.line, expected, actual, message }));
  }
  return problems;
}

/** "NAPD.yaml line 14 and mynsd.mf line 10", for a claim several manifests make alike. */
function claimsOf(f: ManifestFile) {
  const claims = [{ declaredIn: f.declaredIn, line: f.line }, ...(f.alsoDeclaredIn ?? [])];
  return {
    where: claims.map((c) => `${c.declaredIn}${c.line ? ` line ${c.line}` : ''}`).join(' and '),
    declaredIn: claims.map((c) => c.declaredIn).join(', '),
    verb: (one: string, many: string) => (claims.length > 1 ? many : one),
  };
}

async function digestOf(entry: UnpackedEntry, algorithm: HashAlgorithm, root: string): Promise<string> {
  if (algorithm !== 'sha384') return entry[algorithm];
  const hash = createHash('sha384');
  for await (const chunk of reusedBufferReads(path.join(root, entry.path))) hash.update(chunk);
  return hash.digest('hex');
}
