import { MARKER_PARAM } from './query-fingerprint.hash';

/**
 * The Link header value for the next page (SOL013 cl. 5.4.2.1):
 *   <{baseUrl}?{original query}&nextpage_opaque_marker={marker}>; rel="next"
 * The client's filter and selectors are carried over so the next page has the same
 * shape; an earlier marker is replaced. Names and values are percent-encoded, which
 * also keeps "<", ">", "," and ";" out of the Link header syntax (RFC 8288).
 *
 * `baseUrl` is the absolute URI of the collection; a query or fragment in it is ignored,
 * because `originalQuery` is the one source of parameters.
 */
export function nextLink(baseUrl: string, originalQuery: Record<string, unknown>, marker: string): string {
  const base = baseUrl.split(/[?#]/, 1)[0];
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(originalQuery)) {
    if (name === MARKER_PARAM) continue;
    appendParam(pairs, name, value);
  }
  pairs.push(`${MARKER_PARAM}=${encodeURIComponent(marker)}`);
  return `<${base}?${pairs.join('&')}>; rel="next"`;
}

function appendParam(pairs: string[], name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) appendParam(pairs, name, v); // a repeated parameter stays repeated
    return;
  }
  if (typeof value === 'object') {
    // qs-style nested values (a[b]=c) come back the way the parser read them.
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) appendParam(pairs, `${name}[${k}]`, v);
    return;
  }
  const text = String(value);
  // A flag such as all_fields or exclude_default (SOL013 cl. 5.3.2) is written without "=".
  pairs.push(text === '' ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
}
