import { pointerJoin } from '../model';
import { describeValue, isRecord, member, report, type Need, type Obj, type ReadContext } from './read-context';

/** A nested mapping. */
export function readObject(ctx: ReadContext, o: Obj, key: string, need: Need = {}): Obj | undefined {
  const v = member(ctx, o, key, need);
  if (v === undefined) return undefined;
  const ptr = pointerJoin(o.ptr, key);
  if (isRecord(v)) return { value: v, ptr };
  return void report(ctx, 'syntax.type', ptr, `"${key}" must be a mapping (key: value lines), found ${describeValue(v)}`);
}

/** A list's items with their pointers; anything but a list is recorded and reads as empty. */
export function readList(ctx: ReadContext, o: Obj, key: string, need: Need = {}): Array<{ value: unknown; ptr: string }> {
  const v = member(ctx, o, key, need);
  if (v === undefined) return [];
  const ptr = pointerJoin(o.ptr, key);
  if (!Array.isArray(v)) {
    report(ctx, 'syntax.type', ptr, `"${key}" must be a list ("- " items), found ${describeValue(v)}`);
    return [];
  }
  return v.map((value, i) => ({ value, ptr: pointerJoin(ptr, i) }));
}

/** A list of mappings; other items are recorded and skipped. */
export function readObjects(ctx: ReadContext, o: Obj, key: string, need: Need = {}): Obj[] {
  return readList(ctx, o, key, need).flatMap((item) => {
    if (isRecord(item.value)) return [{ value: item.value, ptr: item.ptr }];
    report(ctx, 'syntax.type', item.ptr, `Each item of "${key}" must be a mapping, found ${describeValue(item.value)}`);
    return [];
  });
}

/** A list of texts; other items are recorded and skipped. */
export function readStrings(ctx: ReadContext, o: Obj, key: string, need: Need = {}): string[] {
  return readList(ctx, o, key, need).flatMap((item) => {
    if (typeof item.value === 'string') return [item.value];
    report(ctx, 'syntax.type', item.ptr, `Each item of "${key}" must be text, found ${describeValue(item.value)}`);
    return [];
  });
}
