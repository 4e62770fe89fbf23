/**
 * Conversion of SOL013 filter values (always text in the URI, cl. 5.2.2) to the
 * type of the attribute they are compared with.
 */

/**
 * A date-time as SOL013 defines the DateTime type: RFC 3339 "date-time", with a
 * mandatory offset. The pattern is calendar-exact (month lengths, leap years),
 * the year is 0001-9999, the offset at most ±14:59 and the fraction at most 9 digits:
 * every string it accepts is accepted by PostgreSQL's timestamptz input, so the SQL
 * can cast stored strings guarded by this very pattern without ever raising an error.
 * It is written without backslashes or quotes so that it is the same in JavaScript and
 * in a PostgreSQL regular expression literal (regardless of standard_conforming_strings).
 */
const YEAR = '(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})';
const LEAP_YEAR = '([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)';
const DATE =
  `(${YEAR}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])` +
  `|${YEAR}-(0[13-9]|1[0-2])-(29|30)` +
  `|${YEAR}-(0[13578]|1[02])-31` +
  `|${LEAP_YEAR}-02-29)`;
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,9})?';
const OFFSET = '([Zz]|[+-](0[0-9]|1[0-4]):[0-5][0-9])';
export const DATETIME_PATTERN = `^${DATE}[Tt ]${TIME}${OFFSET}$`;
const DATETIME_RE = new RegExp(DATETIME_PATTERN);

export function isFilterDateTime(value: string): boolean {
  return DATETIME_RE.test(value);
}

const NUMBER_RE = /^([+-]?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/;
/** Bounds the exponent so that PostgreSQL numeric/jsonb can always represent the value. */
const MAX_ABS_EXPONENT = 1000;

/**
 * Returns the value as JSON number text (usable both inside a jsonb document and as
 * a numeric parameter), or undefined when it is not a finite decimal number.
 * The digits are kept as written rather than going through a JS double, so a
 * 20-digit identifier still compares exactly.
 */
export function toJsonNumber(value: string): string | undefined {
  const m = NUMBER_RE.exec(value);
  if (!m) return undefined;
  const [, sign, int, frac, exp] = m;
  if (!Number.isFinite(Number(value))) return undefined;
  let expPart = '';
  if (exp !== undefined) {
    const e = Number(exp);
    if (Math.abs(e) > MAX_ABS_EXPONENT) return undefined;
    expPart = `e${e}`;
  }
  const intPart = int.replace(/^0+(?=[0-9])/, '');
  return `${sign === '-' ? '-' : ''}${intPart}${frac !== undefined ? `.${frac}` : ''}${expPart}`;
}

/** 'true' / 'false' (JSON spelling, case-sensitive) or undefined. */
export function toBoolean(value: string): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** A LIKE pattern matching any string that contains value (default LIKE escape '\'). */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, '\\$&')}%`;
}
