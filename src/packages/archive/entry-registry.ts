import { PackageError } from './package-error';
import type { EntryName } from './entry-name.rules';

/**
 * Names seen so far in one archive. Two entries with one name make "which one did we verify?"
 * ambiguous (zip readers disagree on first-wins vs last-wins), so any repeat is refused. We compare
 * case-insensitively and after Unicode NFC normalisation too: on the case-insensitive or
 * normalising file systems operators copy packages to (macOS, Windows) such names collide, and no
 * SONATA/5GTANGO/SOL004 package needs two names that differ only in case.
 */
export class EntryRegistry {
  private readonly files = new Map<string, string>();
  private readonly explicitDirs = new Map<string, string>();
  /** Every directory implied by a path, explicit or not. */
  private readonly dirs = new Map<string, string>();

  add(name: EntryName): void {
    const key = keyOf(name.path);
    const seen = this.files.get(key) ?? this.explicitDirs.get(key);
    if (seen !== undefined) {
      const how = seen === name.path ? 'twice' : `twice (as "${seen}" and "${name.path}", which differ only in case or Unicode form)`;
      throw new PackageError('package.duplicate-entry', `The archive contains "${name.path}" ${how}.`, name.path);
    }
    if (!name.isDirectory && this.dirs.has(key)) this.clash(name.path);
    const segments = name.path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const parent = segments.slice(0, i).join('/');
      if (this.files.has(keyOf(parent))) this.clash(parent);
      this.dirs.set(keyOf(parent), parent);
    }
    if (name.isDirectory) {
      this.explicitDirs.set(key, name.path);
      this.dirs.set(key, name.path);
    } else {
      this.files.set(key, name.path);
    }
  }

  private clash(path: string): never {
    throw new PackageError('package.duplicate-entry', `"${path}" appears both as a file and as a directory.`, path);
  }
}

const keyOf = (path: string): string => path.normalize('NFC').toLowerCase();
