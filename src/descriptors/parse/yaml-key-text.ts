import { isScalar } from 'yaml';

/**
 * The text a mapping key becomes as a JSON property name, as yaml's toJS() makes it: scalars by
 * their value (`80: x` is key "80", `null:` is "null"); a collection used as a key ("? [a, b]")
 * has no sensible pointer token and gets its source-like rendering.
 */
export function yamlKeyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return '';
  return String(key);
}
