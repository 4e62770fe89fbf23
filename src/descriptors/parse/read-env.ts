import { pointerJoin } from '../model';
import { isRecord, member, report, describeValue, type Obj, type ReadContext } from './read-context';

// Kubernetes' rule for environment variable names (C_IDENTIFIER relaxed with "-" and ".").
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** Kubernetes takes text only; YAML authors write `PORT: 1883`, which means the text "1883". */
function envValue(ctx: ReadContext, value: unknown, ptr: string, name: string): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return void report(ctx, 'syntax.type', ptr, `The value of environment variable "${name}" must be text, found ${describeValue(value)}`);
}

function checkedName(ctx: ReadContext, name: string, ptr: string): boolean {
  if (ENV_NAME.test(name)) return true;
  report(ctx, 'syntax.pattern', ptr, `"${name.slice(0, 60)}" is not a valid environment variable name; use letters, digits, "_", "-" and ".", not starting with a digit`);
  return false;
}

/**
 * Environment variables as a record, from Pishahang's list (`- name: X` / `value: y`) or
 * 5GTANGO's mapping (`X: y`). Built with Object.fromEntries so a `__proto__` name stays data.
 */
export function readEnv(ctx: ReadContext, o: Obj, key: string): Record<string, string> {
  const v = member(ctx, o, key);
  const ptr = pointerJoin(o.ptr, key);
  const entries: Array<[string, string]> = [];
  if (Array.isArray(v)) {
    v.forEach((item, i) => {
      const at = pointerJoin(ptr, i);
      if (!isRecord(item) || typeof item.name !== 'string') return void report(ctx, 'syntax.type', at, `Each environment entry must be a mapping with a text "name" and a "value", found ${describeValue(item)}`);
      const value = envValue(ctx, item.value ?? '', pointerJoin(at, 'value'), item.name);
      if (checkedName(ctx, item.name, pointerJoin(at, 'name')) && value !== undefined) entries.push([item.name, value]);
    });
  } else if (isRecord(v)) {
    for (const [name, raw] of Object.entries(v)) {
      const value = envValue(ctx, raw ?? '', pointerJoin(ptr, name), name);
      if (checkedName(ctx, name, pointerJoin(ptr, name)) && value !== undefined) entries.push([name, value]);
    }
  } else if (v !== undefined) {
    report(ctx, 'syntax.type', ptr, `"${key}" must be a list of name/value entries or a mapping of names to values, found ${describeValue(v)}`);
  }
  return Object.fromEntries(entries);
}
