import type { Finding } from '../model';
import { pointerJoin } from '../model';
import { syntaxFinding, type SyntaxCode } from './syntax-codes';

/** Where importers record findings: the file being read and the findings so far. */
export interface ReadContext {
  readonly file: string;
  readonly findings: Finding[];
}

/** A mapping of the document together with its JSON pointer. */
export interface Obj {
  readonly value: Readonly<Record<string, unknown>>;
  readonly ptr: string;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const report = (ctx: ReadContext, code: SyntaxCode, pointer: string, message: string): void => {
  ctx.findings.push(syntaxFinding(code, ctx.file, pointer, message));
};

/** How a value reads in a message: short, and never the whole of a large value. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `the ${typeof v} ${String(v)}`;
}

export interface Need {
  required?: boolean;
}

/**
 * A member's value, undefined when absent or null (`key:` with nothing after it). A missing
 * required member is recorded at the pointer it should have, which locates to its mapping.
 */
export function member(ctx: ReadContext, o: Obj, key: string, need: Need = {}): unknown {
  const value = Object.hasOwn(o.value, key) ? o.value[key] : undefined;
  if (value !== undefined && value !== null) return value;
  if (need.required) report(ctx, 'syntax.required', pointerJoin(o.ptr, key), value === null ? `"${key}" has no value; give it one` : `"${key}" is required here; add it`);
  return undefined;
}
