import type { ZipItem } from './write-zip';

/**
 * Archive order: the manifests first (readers that stream a zip from the front meet them before the
 * files they describe, as in the SONATA and 5GTANGO reference packages), each directory before its content.
 */
export function orderItems(items: readonly ZipItem[], first: readonly string[]): ZipItem[] {
  const sortKey = (i: ZipItem) => {
    const rank = first.indexOf(i.archivePath);
    const name = i.kind === 'directory' ? `${i.archivePath}/` : i.archivePath;
    return rank >= 0 ? `0${String(rank).padStart(4, '0')}` : `1${name}`;
  };
  const withParents = new Set(first.flatMap(parentsOf));
  const hoistedDirs = items.filter((i) => i.kind === 'directory' && withParents.has(i.archivePath));
  const rest = items.filter((i) => !hoistedDirs.includes(i)).sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  return [...hoistedDirs.sort((a, b) => a.archivePath.localeCompare(b.archivePath)), ...rest];
}

const parentsOf = (p: string): string[] => p.split('/').slice(0, -1).map((_, i, segs) => segs.slice(0, i + 1).join('/'));
