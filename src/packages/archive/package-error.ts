import { NfvoError, type NfvoErrorCode } from '../../shared/nfvo-error';

/**
 * Stable codes of the hard failures of opening a package: the archive is unsafe or unreadable, so
 * nothing of it is kept. Soft findings (wrong checksum, missing entry) are PackageProblems instead.
 */
export const PACKAGE_ERROR_CODES = [
  'package.empty', // zero-byte upload
  'package.too-large', // archive (or single descriptor) above maxArchiveBytes / maxDescriptorBytes
  'package.entry-count', // more entries than maxEntries
  'package.entry-too-large', // one entry above maxEntryBytes (or a manifest above maxManifestBytes)
  'package.total-too-large', // all entries together above maxTotalBytes
  'package.ratio', // compression ratio above maxRatio: the zip-bomb signature
  'package.overlapping-entries', // two entries share compressed bytes (overlap zip bomb)
  'package.path-traversal', // absolute path, drive letter, backslash or `..`
  'package.bad-name', // NUL/control characters, `.` or empty segments, too long or too deep
  'package.symlink', // Unix symlink entry
  'package.special-file', // device, FIFO or socket entry
  'package.bad-entry', // directory entry with data, or a file flagged as a directory
  'package.duplicate-entry', // same name twice (also case-insensitively), or file vs directory clash
  'package.encrypted', // traditional or strong encryption
  'package.unsupported-compression', // neither stored (0) nor deflate (8)
  'package.corrupt', // truncated, bad signature, CRC or size mismatch
  'package.unknown-format', // not a zip we recognise and not a YAML/JSON descriptor
  'package.manifest-missing', // a format is recognisable but its manifest file is absent
  'package.manifest-syntax', // manifest cannot be parsed at all (line given)
] as const;
export type PackageErrorCode = (typeof PACKAGE_ERROR_CODES)[number];

export class PackageError extends Error {
  constructor(
    readonly code: PackageErrorCode,
    message: string,
    /** Entry name inside the archive (or the manifest file) the error is about, when there is one. */
    readonly file?: string,
    /** 1-based line in `file`, for manifest syntax errors. */
    readonly line?: number,
  ) {
    super(message);
    this.name = 'PackageError';
  }

  /** The one place a package failure becomes an HTTP-level error (problem-details filter maps it). */
  toNfvoError(): NfvoError {
    const extras = { packageErrorCode: this.code, ...(this.file ? { file: this.file } : {}), ...(this.line ? { line: this.line } : {}) };
    return new NfvoError(nfvoCodeOf(this.code), this.message, extras);
  }
}

function nfvoCodeOf(code: PackageErrorCode): NfvoErrorCode {
  if (code === 'package.too-large') return 'PAYLOAD_TOO_LARGE';
  if (code === 'package.unknown-format') return 'UNSUPPORTED_MEDIA_TYPE';
  return 'UNPROCESSABLE';
}

export const isPackageError = (e: unknown): e is PackageError => e instanceof PackageError;
