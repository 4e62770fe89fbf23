/**
 * The reference tokens of an RFC 6901 pointer ('' is the whole document), or undefined when the
 * text is not a pointer. `~1` is decoded before `~0` (RFC 6901 cl. 4), so `~01` stays `~1`.
 */
export function pointerTokens(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}
