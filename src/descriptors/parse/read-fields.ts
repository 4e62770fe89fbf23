import { pointerJoin } from '../model';
import { didYouMean } from './closest';
import { describeValue, member, report, type Need, type Obj, type ReadContext } from './read-context';

/** A text member; numbers are not silently turned into text (`version: 1.0` loses its zero). */
export function readString(ctx: ReadContext, o: Obj, key: string, need: Need & { pattern?: RegExp; form?: string } = {}): string | undefined {
  const v = member(ctx, o, key, need);
  if (v === undefined) return undefined;
  const ptr = pointerJoin(o.ptr, key);
  if (typeof v !== 'string') {
    const quote = typeof v === 'number' || typeof v === 'boolean' ? `; quote it: ${key}: "${String(v)}"` : '';
    return void report(ctx, 'syntax.type', ptr, `"${key}" must be text, found ${describeValue(v)}${quote}`);
  }
  if (need.pattern && !need.pattern.test(v)) return void report(ctx, 'syntax.pattern', ptr, `"${key}" is ${describeValue(v)}, which is not ${need.form ?? `of the form ${need.pattern.source}`}`);
  return v;
}

export interface NumberNeed extends Need { integer?: boolean; min?: number; exclusiveMin?: boolean; max?: number }

export function readNumber(ctx: ReadContext, o: Obj, key: string, need: NumberNeed = {}): number | undefined {
  const v = member(ctx, o, key, need);
  if (v === undefined) return undefined;
  const ptr = pointerJoin(o.ptr, key);
  const kind = need.integer ? 'a whole number' : 'a number';
  if (typeof v !== 'number' || !Number.isFinite(v)) return void report(ctx, 'syntax.type', ptr, `"${key}" must be ${kind}, found ${describeValue(v)}`);
  if (need.integer && !Number.isInteger(v)) return void report(ctx, 'syntax.type', ptr, `"${key}" must be a whole number, found ${v}`);
  const low = need.min !== undefined && (need.exclusiveMin ? v <= need.min : v < need.min);
  if (low || (need.max !== undefined && v > need.max)) {
    const bound = [need.min !== undefined ? `${need.exclusiveMin ? 'above' : 'at least'} ${need.min}` : '', need.max !== undefined ? `at most ${need.max}` : ''].filter(Boolean).join(' and ');
    return void report(ctx, 'syntax.range', ptr, `"${key}" is ${v}; it must be ${bound}`);
  }
  return v;
}

export function readBoolean(ctx: ReadContext, o: Obj, key: string, need: Need = {}): boolean | undefined {
  const v = member(ctx, o, key, need);
  if (v === undefined || typeof v === 'boolean') return v;
  return void report(ctx, 'syntax.type', pointerJoin(o.ptr, key), `"${key}" must be true or false, found ${describeValue(v)}`);
}

/** One of a fixed set of words; a near miss gets a suggestion. */
export function readEnum<T extends string>(ctx: ReadContext, o: Obj, key: string, allowed: readonly T[], need: Need = {}): T | undefined {
  const v = readString(ctx, o, key, need);
  if (v === undefined) return undefined;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  return void report(ctx, 'syntax.enum', pointerJoin(o.ptr, key), `"${key}" is "${v}", which is not one of ${allowed.join(', ')}${didYouMean(v, allowed)}`);
}
