import { PackageError } from './package-error';
import type { UnpackLimits } from './unpack-limits';

export interface EntryName {
  /** Canonical relative path, `/`-separated, without a trailing slash. */
  path: string;
  /** The zip convention (APPNOTE 4.4.17.1): a name ending in `/` is a directory. */
  isDirectory: boolean;
}

/** Linux NAME_MAX: a longer segment could not be written anyway. */
const MAX_SEGMENT_BYTES = 255;
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Checks one raw entry name before anything touches the disk. APPNOTE 4.4.17.1 says names are relative,
 * use forward slashes and carry no drive letter; anything else is how zip-slip attacks escape the target
 * directory, so it is refused, never "repaired". `.` and empty segments are refused too, so every
 * accepted name has exactly one spelling and manifest lookups and duplicate checks are exact.
 */
export function checkEntryName(raw: string, limits: Pick<UnpackLimits, 'maxPathLength' | 'maxPathDepth'>): EntryName {
  const shown = JSON.stringify(raw);
  if (raw === '' || raw === '/') throw new PackageError('package.bad-name', 'Archive entry has an empty name.', raw);
  if (CONTROL.test(raw)) throw new PackageError('package.bad-name', `Entry name ${shown} contains NUL or control characters.`, raw);
  if (raw.includes('\\')) {
    throw new PackageError('package.path-traversal', `Entry name ${shown} contains a backslash; zip names use "/" only, and on Windows "\\" would be a separator.`, raw);
  }
  if (raw.startsWith('/')) throw new PackageError('package.path-traversal', `Entry name ${shown} is an absolute path.`, raw);
  if (/^[A-Za-z]:/.test(raw)) throw new PackageError('package.path-traversal', `Entry name ${shown} starts with a drive letter.`, raw);
  const isDirectory = raw.endsWith('/');
  const path = isDirectory ? raw.slice(0, -1) : raw;
  const segments = path.split('/');
  if (segments.includes('..')) throw new PackageError('package.path-traversal', `Entry name ${shown} contains a ".." segment.`, raw);
  if (segments.some((s) => s === '' || s === '.')) {
    throw new PackageError('package.bad-name', `Entry name ${shown} contains an empty or "." segment.`, raw);
  }
  if (Buffer.byteLength(path) > limits.maxPathLength) {
    throw new PackageError('package.bad-name', `Entry name is longer than ${limits.maxPathLength} bytes.`, raw);
  }
  if (segments.length > limits.maxPathDepth) {
    throw new PackageError('package.bad-name', `Entry name ${shown} is nested deeper than ${limits.maxPathDepth} levels.`, raw);
  }
  if (segments.some((s) => Buffer.byteLength(s) > MAX_SEGMENT_BYTES)) {
    throw new PackageError('package.bad-name', `Entry name ${shown} has a segment longer than ${MAX_SEGMENT_BYTES} bytes.`, raw);
  }
  return { path, isDirectory };
}
