import { NfvoError } from '../shared/nfvo-error';
import type { ResourceStore } from '../shared/resource-store';
import { type AttributeCatalogue, compileFilter, parseFilter } from './filter';
import { MARKER_PARAM, decodeMarker, encodeMarker, nextLink, queryFingerprint } from './paging';
import { SELECTOR_PARAMS, type SelectionSpec, makeSelector, parseSelectors, validateSelectionPaths } from './selectors';

/** What a container GET declares about its resource type. */
export interface CollectionSpec<TDoc, TApi extends object> {
  /** e.g. /nsd/v2/ns_descriptors: binds paging markers to this collection. */
  path: string;
  catalogue: AttributeCatalogue;
  selection: Omit<SelectionSpec, 'optionalComplexAttributes'>;
  toApi: (doc: TDoc) => TApi;
}

export interface ListContext {
  query: Record<string, unknown>;
  /** Absolute URL of the collection, for the Link header. */
  url: string;
  pageSize: number;
  markerKey: Buffer;
}

export interface ListResult {
  items: object[];
  /** `Link` header value when another page follows (SOL013 cl. 5.4.2.1). */
  link?: string;
}

const ALLOWED = new Set<string>(['filter', MARKER_PARAM, ...SELECTOR_PARAMS]);

/**
 * A container GET with SOL013 filtering (cl. 5.2, pushed down to SQL), attribute selectors (cl. 5.3)
 * and keyset paging (cl. 5.4): the filter and the page boundary run in the database; only one page is loaded.
 */
export async function listResources<TDoc extends { id: string }, TApi extends object>(
  store: ResourceStore<TDoc>,
  spec: CollectionSpec<TDoc, TApi>,
  ctx: ListContext,
): Promise<ListResult> {
  const unknown = Object.keys(ctx.query).filter((k) => !ALLOWED.has(k));
  if (unknown.length) {
    throw new NfvoError('BAD_REQUEST', `Unknown query parameter ${unknown.map((u) => `"${u.slice(0, 40)}"`).join(', ')}; this resource accepts ${[...ALLOWED].join(', ')}.`);
  }
  const selection = parseSelectors(ctx.query);
  validateSelectionPaths(selection, spec.catalogue);
  const condition = filterCondition(ctx.query.filter, spec.catalogue);
  const fingerprint = queryFingerprint(ctx.query, spec.path);
  const marker = single(ctx.query[MARKER_PARAM], MARKER_PARAM);
  const after = marker === undefined ? undefined : decodeMarker(marker, fingerprint, ctx.markerKey);

  const page = await store.list(condition, after, ctx.pageSize);
  const selectionSpec = { ...spec.selection, optionalComplexAttributes: optionalComplex(spec.catalogue, spec.selection.mandatory) };
  // The documents were just read and mapped here, so the selection may share their subtrees (no deep copy).
  const select = makeSelector<TApi>(selection, selectionSpec, { owned: true });
  const items = page.items.map((s) => select(spec.toApi(s.doc)));
  const link = page.lastSeq ? nextLink(ctx.url, ctx.query, encodeMarker(page.lastSeq, fingerprint, ctx.markerKey)) : undefined;
  return { items, link };
}

function filterCondition(raw: unknown, catalogue: AttributeCatalogue) {
  const text = single(raw, 'filter');
  if (text === undefined) return undefined;
  return compileFilter(parseFilter(text), catalogue, { column: 'doc', firstParam: 1 });
}

function single(v: unknown, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new NfvoError(name === 'filter' ? 'INVALID_FILTER' : 'BAD_REQUEST', `The query parameter ${name} may appear only once; combine filter terms with ";".`);
  return v;
}

/** Top-level structured or array attributes that are not mandatory: SOL013's "complex attributes with lower cardinality 0". */
function optionalComplex(catalogue: AttributeCatalogue, mandatory: readonly (readonly string[])[]): string[][] {
  return Object.entries(catalogue)
    .filter(([name, node]) => (node.type === 'object' || node.array) && !mandatory.some((m) => m.length === 1 && m[0] === name))
    .map(([name]) => [name]);
}
