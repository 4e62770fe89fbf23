import type { Entry } from 'yauzl';
import { PackageError } from './package-error';
import type { EntryName } from './entry-name.rules';

/** APPNOTE 4.4.2.2 "version made by" high byte: 3 = UNIX, 19 = OS X (Darwin) both store st_mode. */
const UNIX_HOSTS = new Set([3, 19]);
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
/** MS-DOS attribute byte (low 8 bits of the external attributes), bit 4 = directory. */
const DOS_DIRECTORY = 0x10;

/**
 * Refuses entries that are not plain files or directories, or whose metadata contradicts their name.
 * Symlinks are the classic second stage of zip-slip (link first, then write through it); we never
 * create links, and a package has no legitimate use for them.
 */
export function checkEntryKind(entry: Entry, name: EntryName): void {
  const file = name.path;
  const unixMode = UNIX_HOSTS.has(entry.versionMadeBy >>> 8) ? entry.externalFileAttributes >>> 16 : 0;
  const type = unixMode & S_IFMT;
  if (type === S_IFLNK) throw new PackageError('package.symlink', `Entry "${file}" is a symbolic link; packages may contain only files and directories.`, file);
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
    throw new PackageError('package.special-file', `Entry "${file}" is a device, FIFO or socket (mode 0${type.toString(8)}).`, file);
  }
  const flaggedDirectory = type === S_IFDIR || (entry.externalFileAttributes & DOS_DIRECTORY) !== 0;
  // A directory's data is never read, so only its declared size matters.
  if (name.isDirectory && entry.uncompressedSize > 0) {
    throw new PackageError('package.bad-entry', `Directory entry "${file}/" carries ${entry.uncompressedSize} bytes of data.`, file);
  }
  if (!name.isDirectory && flaggedDirectory) {
    throw new PackageError('package.bad-entry', `Entry "${file}" is flagged as a directory but its name does not end in "/".`, file);
  }
  if (name.isDirectory && type === S_IFREG) {
    throw new PackageError('package.bad-entry', `Entry "${file}/" is named like a directory but flagged as a regular file.`, file);
  }
  // Bit 0 = traditional PKWARE encryption; bit 6 (strong encryption) already stops yauzl (see zip-error.ts).
  if (entry.isEncrypted()) throw new PackageError('package.encrypted', `Entry "${file}" is encrypted; packages must not be.`, file);
  if (!name.isDirectory && entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new PackageError(
      'package.unsupported-compression',
      `Entry "${file}" uses compression method ${entry.compressionMethod}; only stored (0) and deflate (8) are accepted.`,
      file,
    );
  }
}
