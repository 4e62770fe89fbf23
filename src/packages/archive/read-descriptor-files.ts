import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DescriptorFile } from './opened-package';
import type { DescriptorRef } from './package-manifest';
import { PackageError } from './package-error';
import { formatBytes } from './unpack-limits';

/**
 * Reads the descriptors to parse. Absent ones are skipped (verifyChecksums already reported them);
 * text is decoded leniently, since telling a descriptor's syntax errors is the parser's job, but a
 * descriptor bigger than `maxBytes` is refused: it is about to be held in memory and parsed.
 */
export async function readDescriptorFiles(root: string, refs: readonly DescriptorRef[], present: ReadonlySet<string>, maxBytes: number): Promise<DescriptorFile[]> {
  const out: DescriptorFile[] = [];
  for (const ref of refs) {
    if (!present.has(ref.path)) continue;
    const full = path.join(root, ref.path);
    const { size } = await stat(full);
    if (size > maxBytes) {
      throw new PackageError('package.entry-too-large', `Descriptor "${ref.path}" is ${formatBytes(size)}; descriptors are limited to ${formatBytes(maxBytes)}.`, ref.path);
    }
    out.push({ ...ref, text: (await readFile(full, 'utf8')).replace(/^\uFEFF/, '') });
  }
  return out;
}
