import type { ScalingBounds } from '../model';
import { pointerJoin } from '../model';
import { readObject } from './read-collections';
import { report, type Obj, type ReadContext } from './read-context';
import { readNumber } from './read-fields';

/**
 * SONATA's `scale_in_out: { minimum, maximum }` (both default 1; maximum 0 means unlimited, kept as
 * Number.MAX_SAFE_INTEGER so that the bound stays a JSON number). Starts at the minimum.
 */
export function readScaleInOut(ctx: ReadContext, o: Obj, minimumFloor = 0): ScalingBounds | undefined {
  const scale = readObject(ctx, o, 'scale_in_out');
  if (!scale) return undefined;
  const min = readNumber(ctx, scale, 'minimum', { integer: true, min: minimumFloor }) ?? (scale.value.minimum == null ? 1 : undefined);
  const maxWritten = readNumber(ctx, scale, 'maximum', { integer: true, min: 0 }) ?? (scale.value.maximum == null ? 1 : undefined);
  if (min === undefined || maxWritten === undefined) return undefined;
  const max = maxWritten === 0 ? Number.MAX_SAFE_INTEGER : maxWritten;
  if (min > max) return void report(ctx, 'syntax.range', pointerJoin(scale.ptr, 'minimum'), `"minimum" is ${min} but "maximum" is ${max}; the minimum cannot exceed the maximum`);
  return { min, max, initial: min };
}
