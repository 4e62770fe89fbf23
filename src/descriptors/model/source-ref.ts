/**
 * Where a model element came from: the file inside the package and the RFC 6901 JSON pointer into
 * that file's document. Validation findings cite it; the YAML line and column are resolved from it.
 */
export interface SourceRef {
  file: string;
  pointer: string;
}

/** Formats the importers understand; `nfvo` is this project's own joint format (descriptors/schemas/). */
export type SourceFormat = 'nfvo' | 'sonata' | '5gtango' | 'pishahang-v1' | 'pishahang-v2';

/** Appends a token to a JSON pointer, escaping `~` and `/` (RFC 6901 cl. 3). */
export const pointerJoin = (base: string, ...tokens: Array<string | number>): string =>
  base + tokens.map((t) => `/${String(t).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
