import { NfvoError } from '../../shared/nfvo-error';
import type { FilterExpr, FilterOp, FilterTerm } from './filter-ast';

/**
 * Parser for the attribute-based filter of ETSI GS NFV-SOL013 cl. 5.2.2:
 *
 *   filter=(op,attrName[/attrName]*,value[,value]*)[;(op,attrName[/attrName]*,value[,value]*)]*
 *
 * The input is the already URL-decoded value of the "filter" query parameter.
 * A value containing ',', ')', ';' or "'" is enclosed in single quotes, and a "'"
 * inside a quoted value is written "''" (cl. 5.2.2). Every malformed input is
 * reported as NfvoError('INVALID_FILTER') (400, cl. 5.2.2 / 6.4) with the 1-based
 * character position of the problem, never as any other exception.
 */

/** DoS guard: SOL013 sets no limit, so we bound the work one request can ask for. */
export const MAX_FILTER_LENGTH = 4096;
export const MAX_FILTER_TERMS = 32;

/**
 * Attribute name segment. Deliberately narrower than JSON allows: the names end up
 * inside a jsonpath expression (as a bound parameter, but still parsed by PostgreSQL),
 * and every attribute of the SOL005 data model fits this pattern.
 */
export const ATTR_NAME_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

// A Map, not an object literal: a lookup of "constructor" or "__proto__" must miss.
const OPERATORS = new Map<string, FilterOp>([
  ['eq', 'eq'],
  ['neq', 'neq'],
  ['gt', 'gt'],
  ['gte', 'gte'],
  ['lt', 'lt'],
  ['lte', 'lte'],
  ['cont', 'cont'],
  ['ncont', 'ncont'],
  // Spellings of older SOL013 versions; current versions give eq/neq a value list instead.
  ['in', 'eq'],
  ['nin', 'neq'],
]);
const SUPPORTED_OPERATORS = 'eq, neq, in, nin, gt, gte, lt, lte, cont, ncont';
/** Ordering operators compare against a single value (cl. 5.2.2, Table 5.2.2-1). */
const SINGLE_VALUE_OPS: ReadonlySet<FilterOp> = new Set<FilterOp>(['gt', 'gte', 'lt', 'lte']);

/** Shown in messages: a short, escaped excerpt of what the client sent. */
export function quoteForMessage(s: string, max = 40): string {
  const cut = s.length > max ? `${s.slice(0, max)}…` : s;
  return JSON.stringify(cut);
}

function invalid(index: number, message: string): never {
  throw new NfvoError('INVALID_FILTER', `Invalid filter at position ${index + 1}: ${message}`);
}

/**
 * Rejects characters PostgreSQL cannot take in text or jsonb: U+0000 and unpaired
 * UTF-16 surrogates (the latter would otherwise be silently turned into U+FFFD by
 * the driver, or rejected as "\ud800" inside jsonb).
 */
export function findUnstorableChar(s: string): { index: number; reason: string } | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return { index: i, reason: 'the NUL character (U+0000) is not allowed' };
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, reason: 'unpaired UTF-16 surrogate (not well-formed Unicode)' };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { index: i, reason: 'unpaired UTF-16 surrogate (not well-formed Unicode)' };
  }
  return undefined;
}

class FilterParser {
  private i = 0;

  constructor(private readonly text: string) {}

  parse(): FilterExpr {
    const terms: FilterTerm[] = [];
    for (;;) {
      if (terms.length === MAX_FILTER_TERMS) {
        invalid(this.i, `more than ${MAX_FILTER_TERMS} terms; at most ${MAX_FILTER_TERMS} are accepted`);
      }
      terms.push(this.term());
      if (this.atEnd()) return { terms };
      if (this.peek() !== ';') {
        invalid(this.i, `expected ';' before the next term or the end of the filter, but found ${this.describe()}`);
      }
      this.i++;
      if (this.atEnd()) invalid(this.i, "the filter ends with ';'; remove it or add a term after it");
    }
  }

  private term(): FilterTerm {
    const start = this.i;
    if (this.peek() !== '(') invalid(this.i, `expected '(' to open a term, but found ${this.describe()}`);
    this.i++;
    const op = this.operator();
    this.expectComma(`after the operator, before the attribute name`);
    const path = this.attributePath(start);
    const values = this.values(start);
    if (SINGLE_VALUE_OPS.has(op) && values.length !== 1) {
      invalid(start, `operator "${op}" takes exactly one value, but the term has ${values.length}`);
    }
    return { op, path, values, position: start + 1 };
  }

  private operator(): FilterOp {
    const from = this.i;
    while (!this.atEnd() && !',);('.includes(this.peek())) this.i++;
    const name = this.text.slice(from, this.i);
    if (name === '') invalid(from, `missing operator; supported operators: ${SUPPORTED_OPERATORS}`);
    const op = OPERATORS.get(name);
    if (op === undefined) {
      invalid(from, `unknown operator ${quoteForMessage(name)}; supported operators: ${SUPPORTED_OPERATORS}`);
    }
    return op;
  }

  private attributePath(termStart: number): string[] {
    const path: string[] = [];
    for (;;) {
      const from = this.i;
      while (!this.atEnd() && !'/,);('.includes(this.peek())) this.i++;
      const segment = this.text.slice(from, this.i);
      if (segment === '') invalid(from, `missing attribute name, found ${this.describe()}`);
      if (!ATTR_NAME_SEGMENT.test(segment)) {
        invalid(
          from,
          `attribute name ${quoteForMessage(segment)} is not valid: names consist of ASCII letters, digits and '_' and do not start with a digit; nested attributes are separated by '/'`,
        );
      }
      path.push(segment);
      if (this.peek() === '/') {
        this.i++;
        continue;
      }
      if (this.peek() === ',') {
        this.i++;
        return path;
      }
      if (this.peek() === ')') invalid(this.i, `attribute "${path.join('/')}" has no value; write (op,attrName,value)`);
      if (this.atEnd()) this.unclosed(termStart);
      invalid(this.i, `unexpected ${this.describe()} in an attribute name`);
    }
  }

  private values(termStart: number): string[] {
    const values: string[] = [];
    for (;;) {
      values.push(this.peek() === "'" ? this.quotedValue() : this.plainValue(termStart));
      if (this.atEnd()) this.unclosed(termStart);
      const sep = this.peek();
      this.i++;
      if (sep === ')') return values;
      // Only ',' can remain: both value readers stop at ',' or ')' (or throw).
    }
  }

  private quotedValue(): string {
    const open = this.i;
    let value = '';
    let from = open + 1;
    for (;;) {
      const close = this.text.indexOf("'", from);
      if (close < 0) invalid(open, "unterminated quoted value: the opening ' has no closing '");
      value += this.text.slice(from, close);
      if (this.text[close + 1] === "'") {
        value += "'"; // '' stands for one ' inside a quoted value (cl. 5.2.2)
        from = close + 2;
        continue;
      }
      this.i = close + 1;
      break;
    }
    if (!this.atEnd() && this.peek() !== ',' && this.peek() !== ')') {
      invalid(
        this.i,
        `expected ',' or ')' after the quoted value, but found ${this.describe()}; quote the whole value and write ' inside it as ''`,
      );
    }
    return value;
  }

  private plainValue(termStart: number): string {
    const from = this.i;
    while (!this.atEnd()) {
      const c = this.peek();
      if (c === ',' || c === ')') break;
      if (c === "'") {
        invalid(this.i, `a value containing ' must be enclosed in single quotes, with ' written as '' (e.g. 'O''Brien')`);
      }
      if (c === ';') {
        invalid(this.i, `';' inside a value: enclose the value in single quotes, or add the missing ')' before ';'`);
      }
      this.i++;
    }
    if (this.atEnd()) this.unclosed(termStart);
    if (this.i === from) invalid(from, "empty value; write '' for an empty string");
    return this.text.slice(from, this.i);
  }

  private expectComma(where: string): void {
    if (this.peek() !== ',') {
      if (this.atEnd()) invalid(this.i, `the filter ends too early: expected ',' ${where}`);
      invalid(this.i, `expected ',' ${where}, but found ${this.describe()}`);
    }
    this.i++;
  }

  private unclosed(termStart: number): never {
    invalid(termStart, `the term starting here is not closed with ')' before the end of the filter`);
  }

  private atEnd(): boolean {
    return this.i >= this.text.length;
  }

  private peek(): string {
    return this.text[this.i] ?? '';
  }

  private describe(): string {
    if (this.atEnd()) return 'the end of the filter';
    const cp = this.text.codePointAt(this.i) ?? 0;
    return JSON.stringify(String.fromCodePoint(cp));
  }
}

/** Parses the (URL-decoded) value of the SOL013 "filter" query parameter. */
export function parseFilter(text: string): FilterExpr {
  // Guard the runtime type too: a repeated query parameter arrives as an array.
  if (typeof text !== 'string') {
    throw new NfvoError('INVALID_FILTER', 'Invalid filter: the filter query parameter must be given once, as a single string');
  }
  if (text.length === 0) {
    throw new NfvoError('INVALID_FILTER', 'Invalid filter: the filter is empty; give at least one term such as (eq,id,abc) or omit the parameter');
  }
  if (text.length > MAX_FILTER_LENGTH) {
    throw new NfvoError(
      'INVALID_FILTER',
      `Invalid filter: it is ${text.length} characters long; at most ${MAX_FILTER_LENGTH} are accepted`,
    );
  }
  const bad = findUnstorableChar(text);
  if (bad) invalid(bad.index, bad.reason);
  return new FilterParser(text).parse();
}
