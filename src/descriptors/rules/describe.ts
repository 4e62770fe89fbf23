import type { DescriptorKey, FunctionRef } from '../model';

const MAX_LISTED = 8;

/** `a, b, c` (or `none`), cut short so a message about a 1,000-function service stays readable. */
export function listOf(items: Iterable<string>, max = MAX_LISTED): string {
  const all = [...items];
  if (all.length === 0) return 'none';
  const shown = all.slice(0, max).join(', ');
  return all.length > max ? `${shown} and ${all.length - max} more` : shown;
}

export const keyText = (k: DescriptorKey): string => `${k.vendor}:${k.name}:${k.version}`;

/** `function 'fw' (eu.x:firewall:1.0)`: the instance and the descriptor it runs. */
export const functionText = (fn: FunctionRef): string => `function '${fn.id}' (${keyText(fn.descriptor)})`;
