/**
 * Normalises a path a manifest declares to the canonical form of archive entries. SONATA writes names
 * "similar to the absolute path of the artifact in the package" (pd-schema: "/service_descriptors/x.yml"),
 * so one leading slash is dropped; 5GTANGO and SOL004 write relative paths already. Returns undefined for
 * a path that could point outside the package (`..`, backslash, drive letter) or is not canonical.
 */
export function normaliseManifestPath(declared: string): string | undefined {
  let p = declared.trim();
  if (p.startsWith('./')) p = p.slice(2);
  else if (p.startsWith('/')) p = p.slice(1);
  if (p === '' || p.includes('\\') || /^[A-Za-z]:/.test(p) || p.startsWith('/')) return undefined;
  const segments = p.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return undefined;
  return p;
}

/** SOL004 cl. 4.3.2: a Source may be a URI of an artifact outside the package. */
export const isUri = (declared: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(declared.trim());
