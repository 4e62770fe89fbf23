import type { AttributeCatalogue } from '../../sol013/filter';
import type { CatalogueKind } from '../../packages/catalogue/catalogue-item';

/** One major version's view of a catalogue resource: which attributes exist and how a document looks. */
export interface CatalogueApiVersion<T> {
  major: 'v1' | 'v2';
  catalogue: AttributeCatalogue;
  toApi(doc: T, apiRoot: string): object;
}

/**
 * Everything the generic catalogue HTTP layer needs to serve NS descriptors (SOL005 cl. 5) or VNF
 * packages (cl. 9): same SOL013 behaviour, same state rules, different names.
 */
export interface CatalogueResource<T> {
  kind: CatalogueKind<T>;
  apiName: 'nsd' | 'vnfpkgm';
  collection: string;
  idParam: string;
  /** exclude_default drops these (the resource's "default exclude set"). */
  complexAttributes: string[][];
  /** Injection token of the resource's CatalogueHttp instance. */
  token: symbol;
}

export const collectionPath = (r: { apiName: string; collection: string }, major: string) => `/${r.apiName}/${major}/${r.collection}`;
