import { createHash } from 'node:crypto';

/** The SOL013 cl. 5.4.2.1 paging parameter: it moves through the result, it does not define it. */
export const MARKER_PARAM = 'nextpage_opaque_marker';

/**
 * A stable SHA-256 (hex) of the query that defines a result set: every parameter except
 * nextpage_opaque_marker (SOL013 cl. 5.4.2.1), in sorted order, so that the same filter
 * and selectors give the same fingerprint however the client orders its parameters.
 * Repeated values keep their order: they may mean different things in another order.
 *
 * `scope` (e.g. the resource path "/nsd/v2/ns_descriptors") binds the fingerprint to one
 * collection, so a marker from one collection is not accepted on another with the same query.
 */
export function queryFingerprint(query: Record<string, unknown>, scope = ''): string {
  const canonical = Object.keys(query)
    .filter((k) => k !== MARKER_PARAM && query[k] !== undefined)
    .sort()
    .map((k) => [k, canonicalValue(query[k])]);
  return createHash('sha256').update(JSON.stringify([scope, canonical])).digest('hex');
}

/** Every value as a list (a lone string and a one-element list are the same query); objects with sorted keys. */
function canonicalValue(v: unknown): unknown[] {
  return Array.isArray(v) ? v.map(canonicalItem) : [canonicalItem(v)];
}

/** Strings stay strings, objects become tagged sorted entries, so no two inputs serialise alike. */
function canonicalItem(v: unknown): unknown {
  if (Array.isArray(v)) return { l: v.map(canonicalItem) };
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const entries = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => [k, canonicalValue(o[k])]);
    return { o: entries };
  }
  return String(v);
}
