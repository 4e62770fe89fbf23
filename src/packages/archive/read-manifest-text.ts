import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PackageError } from './package-error';
import { formatBytes } from './unpack-limits';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a small text file of an unpacked package (a manifest, TOSCA.meta, a descriptor). Size is checked
 * before reading, since these are the only files ever held in memory whole.
 */
export async function readPackageText(root: string, file: string, maxBytes: number): Promise<string> {
  const full = path.join(root, file);
  const { size } = await stat(full);
  if (size > maxBytes) {
    throw new PackageError('package.entry-too-large', `"${file}" is ${formatBytes(size)}; files read as text are limited to ${formatBytes(maxBytes)}.`, file);
  }
  try {
    return utf8.decode(await readFile(full));
  } catch (e) {
    if (e instanceof TypeError) throw new PackageError('package.manifest-syntax', `"${file}" is not UTF-8 text.`, file);
    throw e;
  }
}
