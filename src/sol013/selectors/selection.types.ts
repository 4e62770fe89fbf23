/**
 * Attribute selectors of ETSI GS NFV-SOL013 cl. 5.3: which attributes of a resource
 * representation a GET returns.
 */

/** An attribute name path, e.g. ['_links', 'self'] for `_links/self` (SOL013 cl. 5.3.2). */
export type AttributePath = readonly string[];

/** The four URI query parameters of SOL013 Table 5.3.2-1. */
export const SELECTOR_PARAMS = ['all_fields', 'fields', 'exclude_fields', 'exclude_default'] as const;
export type SelectorParam = (typeof SELECTOR_PARAMS)[number];

/**
 * One of the combinations SOL013 Table 5.3.2-2 allows. The union makes an invalid
 * combination (e.g. all_fields with fields) impossible to represent.
 */
export type Selection =
  | { readonly kind: 'all_fields' }
  /**
   * `implicit` is true when the request carried no selector at all: SOL013 cl. 5.3.2
   * makes "no parameter" behave as exclude_default, but callers may want to know.
   */
  | { readonly kind: 'exclude_default'; readonly implicit: boolean }
  | { readonly kind: 'fields'; readonly fields: readonly AttributePath[]; readonly excludeDefault: boolean }
  | { readonly kind: 'exclude_fields'; readonly excludeFields: readonly AttributePath[] };

/** What a resource type declares about its representation. */
export interface SelectionSpec {
  /**
   * The "default exclude set" the SOL005 clause of each resource defines: the complex
   * attributes that exclude_default (and the default behaviour) leave out.
   */
  readonly complexAttributes: readonly AttributePath[];
  /** Every complex attribute (structured or array) with lower cardinality 0: what `fields` alone drops unless listed. */
  readonly optionalComplexAttributes: readonly AttributePath[];
  /** Attributes a response always carries (cardinality 1, e.g. id, _links): no selector removes them. */
  readonly mandatory: readonly AttributePath[];
}
