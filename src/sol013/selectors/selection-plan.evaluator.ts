import type { SelectionPlan } from './selection-plan.builder';

/**
 * Applies a plan to a JSON-like value and returns a new value; the input is never
 * changed. By default the output shares no arrays or plain objects with it, so a caller
 * may modify the result freely; a caller that owns the input (a document just read and
 * about to be serialised) passes the identity as `keep` and skips the deep copies.
 *
 * Returns undefined when the value selects to nothing (the caller leaves the attribute out).
 */
export function evaluatePlan(value: unknown, plan: SelectionPlan, keep: (v: unknown) => unknown = cloneJsonLike): unknown {
  switch (plan.op) {
    case 'keep':
      return keep(value);
    case 'drop':
      return undefined;
    case 'pick':
    case 'omit':
      if (Array.isArray(value)) {
        // A path through an array addresses every element (SOL013 cl. 5.3.2), also in nested
        // arrays; scalar elements hold no sub-attributes and stay as they are, so the array keeps its length.
        return value.map((el) => (isPlainObject(el) ? evaluateObject(el, plan, keep) : Array.isArray(el) ? evaluatePlan(el, plan, keep) : keep(el)));
      }
      if (isPlainObject(value)) return evaluateObject(value, plan, keep);
      // A scalar has no sub-attributes: asking for one of them selects nothing, excluding one changes nothing.
      return plan.op === 'pick' ? undefined : keep(value);
  }
}

function evaluateObject(obj: Record<string, unknown>, plan: SelectionPlan & { op: 'pick' | 'omit' }, keep: (v: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (plan.op === 'pick') {
    for (const [name, child] of plan.children) {
      if (!Object.prototype.hasOwnProperty.call(obj, name)) continue;
      const v = evaluatePlan(obj[name], child, keep);
      if (v !== undefined) setOwn(out, name, v);
    }
  } else {
    for (const name of Object.keys(obj)) {
      const child = plan.children.get(name);
      const v = child ? evaluatePlan(obj[name], child, keep) : keep(obj[name]);
      if (v !== undefined) setOwn(out, name, v);
    }
  }
  return out;
}

export function cloneJsonLike(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneJsonLike);
  if (!isPlainObject(value)) return value; // scalars, and class instances such as Date, are kept as they are
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(value)) setOwn(out, name, cloneJsonLike(value[name]));
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Plain assignment of "__proto__" would change the prototype instead of adding a member (JSON.parse can yield that key). */
function setOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') {
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[name] = value;
  }
}
