const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `s` is a UUID in its canonical text form (what PostgreSQL's uuid type and our ids are). */
export const isUuid = (s: string): boolean => UUID.test(s);
