import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

export interface PackageSource {
  dir: string;
  /** Relative `/`-separated paths of regular files, sorted. */
  files: string[];
  /** Relative paths of directories, sorted. */
  directories: string[];
}

/**
 * Notes ../shared/ref adds beside each unpacked reference package; they were never part of the archive.
 * Only excluded at the top of the directory.
 */
export const REFERENCE_NOTES = ['CONTENTS.txt', 'SOURCE.txt'];

/** Lists a package directory. Links and special files are refused: the NFVO would refuse them too. */
export async function listPackageFiles(dir: string, exclude: readonly string[] = REFERENCE_NOTES): Promise<PackageSource> {
  const out: PackageSource = { dir: path.resolve(dir), files: [], directories: [] };
  const walk = async (rel: string): Promise<void> => {
    for (const name of (await readdir(path.join(out.dir, rel))).sort()) {
      const child = rel ? `${rel}/${name}` : name;
      if (!rel && exclude.includes(name)) continue;
      const st = await lstat(path.join(out.dir, child));
      if (st.isDirectory()) {
        out.directories.push(child);
        await walk(child);
      } else if (st.isFile()) {
        out.files.push(child);
      } else {
        throw new Error(`${child}: only regular files and directories can go into a package`);
      }
    }
  };
  await walk('');
  return out;
}
