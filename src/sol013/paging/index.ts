export { encodeMarker, decodeMarker, INVALID_MARKER_DETAIL } from './opaque-marker.codec';
export { nextLink } from './next-link.builder';
export { queryFingerprint, MARKER_PARAM } from './query-fingerprint.hash';
