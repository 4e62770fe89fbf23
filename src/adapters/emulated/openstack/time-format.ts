/** OpenStack APIs write timestamps as ISO 8601 UTC without milliseconds. */
export const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
