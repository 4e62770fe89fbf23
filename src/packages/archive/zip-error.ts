import { PackageError, isPackageError } from './package-error';

/**
 * Turns what yauzl and zlib throw into PackageErrors. yauzl reports structural damage as plain Errors
 * (message text only), so the message is kept verbatim after a precise lead-in; errors of our own
 * (limit guards) and I/O errors of the host (ENOSPC, EACCES) pass through unchanged.
 */
export function toPackageError(e: unknown, file?: string): unknown {
  if (isPackageError(e) || !(e instanceof Error)) return e;
  const msg = e.message;
  const where = file ? ` (entry "${file}")` : '';
  if (/encryption/i.test(msg)) return new PackageError('package.encrypted', `The archive uses strong encryption${where}; packages must not be encrypted.`, file);
  if (/End of central directory record signature not found/.test(msg)) {
    return new PackageError('package.corrupt', 'Not a complete zip archive: no end-of-central-directory record (the file is truncated or not a zip).');
  }
  const zlibCode = (e as NodeJS.ErrnoException).code;
  if (isZipDamage(msg) || (typeof zlibCode === 'string' && zlibCode.startsWith('Z_'))) {
    return new PackageError('package.corrupt', `The archive is corrupt or truncated${where}: ${msg}.`, file);
  }
  return e;
}

const DAMAGE = [
  'unexpected EOF',
  'invalid central directory file header signature',
  'invalid local file header signature',
  'file data overflows file bounds',
  'too many bytes in the stream',
  'not enough bytes in the stream',
  'compressed/uncompressed size mismatch',
  'Invalid comment length',
  'invalid zip64',
  'zip64 extended information extra field',
  'multi-disk zip files are not supported',
  'extra field length exceeds',
  'unexpected end of file',
];

const isZipDamage = (msg: string): boolean => DAMAGE.some((d) => msg.includes(d));
