import { load } from 'js-yaml';
import type { TextLimits } from './text-limits';

/**
 * Constructs whose reading this fast path leaves to yaml: anchors and aliases (billion laughs), tags,
 * directives and document markers (another YAML version, several documents), complex keys, tabs, and
 * `__proto__` keys (a plain object would take them as its prototype), and an indicator where a plain
 * value starts (`}` `]` `,` `@` `` ` `` `?` `:`), which YAML 1.2 refuses and js-yaml reads. Conservative: a `&` or `!` inside a
 * string also sends the file the bounded yaml way, which reads it just as well, only slower.
 */
const LEFT_TO_YAML = /[\t&*!]|__proto__|^[ \t]*(?:%|---|\.\.\.|\?(?:\s|$))|(?:^|[:-])[ ]*[}\],@`?:]/m;

/**
 * Descriptor data read by js-yaml (YAML 1.2 core schema, duplicate keys refused, no aliases), several
 * times faster than composing yaml's document, for the common text: one block or flow mapping of plain
 * YAML. Undefined when the text uses anything the fast path leaves to yaml, fails to load, is not a
 * mapping, or reaches a limit: the caller then reads it the bounded yaml way, which reports the problem
 * with line and column.
 */
export function fastYamlData(text: string, limits: TextLimits): Record<string, unknown> | undefined {
  if (LEFT_TO_YAML.test(text)) return undefined;
  let data: unknown;
  try {
    data = load(text, { maxAliases: 0, maxDepth: limits.maxDepth });
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  return withinLimits(data, limits) ? (data as Record<string, unknown>) : undefined;
}

/** Depth (the root mapping is 1) and the UTF-8 size of every string, keys included, as the yaml way checks them; no null key. */
function withinLimits(root: object, limits: TextLimits): boolean {
  const tooLarge = (s: string) => s.length * 3 > limits.maxScalarBytes && Buffer.byteLength(s) > limits.maxScalarBytes;
  const stack: Array<{ v: unknown; depth: number }> = [{ v: root, depth: 1 }];
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (typeof v === 'string') { if (tooLarge(v)) return false; continue; }
    if (!v || typeof v !== 'object') continue;
    if (depth > limits.maxDepth) return false;
    if (Array.isArray(v)) { for (const x of v) stack.push({ v: x, depth: depth + 1 }); continue; }
    for (const [k, x] of Object.entries(v)) {
      // js-yaml names a null key "null"; yaml's data names it "" (and "null" could be either).
      if (k === 'null' || tooLarge(k)) return false;
      stack.push({ v: x, depth: depth + 1 });
    }
  }
  return true;
}
