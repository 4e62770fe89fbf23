/** Strong entity tag of a stored resource: its id and revision (RFC 9110 cl. 8.8.3). */
export const etagOf = (s: { doc: { id: string }; revision: number }): string => `"${s.doc.id}.${s.revision}"`;

/** RFC 9110 cl. 13.1.1: `*` or a list of entity tags; weak tags never match for If-Match. */
export function matchesIfMatch(header: string, etag: string): boolean {
  const h = header.trim();
  if (h === '*') return true;
  return h.split(',').map((t) => t.trim()).some((t) => t === etag);
}
