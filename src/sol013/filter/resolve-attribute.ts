import type { AttrNode, AttrScalar, AttributeCatalogue } from './attribute-catalogue';
import { ATTR_NAME_SEGMENT, quoteForMessage } from './parse-filter';

/** One catalogue-described step of an attribute path. */
export interface PathStep {
  name: string;
  /** The attribute at this step is an array: SOL013 cl. 5.2.2 "any element matches". */
  array: boolean;
}

/** An attribute path checked against the resource's catalogue. */
export type ResolvedAttribute =
  | { kind: AttrScalar; display: string; steps: PathStep[] }
  | {
      kind: 'freeForm';
      display: string;
      /** Steps up to and including the free-form object. */
      steps: PathStep[];
      /** Keys below the free-form object; never empty. */
      keys: string[];
    };

/**
 * Resolves a filter's attribute path against the catalogue. Throws a message (the
 * caller wraps it into INVALID_FILTER) when the resource does not support filtering
 * on that path, which SOL013 cl. 5.2.2 answers with 400 Bad Request.
 */
export function resolveAttribute(path: readonly string[], catalogue: AttributeCatalogue): ResolvedAttribute | string {
  if (!Array.isArray(path) || path.length === 0) return 'missing attribute name';
  for (const segment of path) {
    // Re-checked here because an AST need not come from parseFilter, and these
    // names are written into a jsonpath expression.
    if (typeof segment !== 'string' || !ATTR_NAME_SEGMENT.test(segment)) {
      return `attribute name ${quoteForMessage(String(segment))} is not valid: names consist of ASCII letters, digits and '_' and do not start with a digit`;
    }
  }
  const display = path.join('/');
  const steps: PathStep[] = [];
  let level: Record<string, AttrNode> = catalogue;
  for (let i = 0; i < path.length; i++) {
    const name = path[i];
    // Own properties only: "constructor" or "toString" must not resolve to Object.prototype.
    const node = Object.hasOwn(level, name) ? level[name] : undefined;
    const parent = path.slice(0, i).join('/');
    if (node === undefined) {
      return i === 0
        ? `attribute "${display}" is not supported for filtering on this resource`
        : `attribute "${display}" is not supported for filtering on this resource: "${parent}" has no attribute "${name}"`;
    }
    steps.push({ name: node.storedAs ?? name, array: node.array === true });
    const here = path.slice(0, i + 1).join('/');
    if (node.type !== 'object') {
      if (i === path.length - 1) return { kind: node.type, display, steps };
      return `attribute "${display}" is not supported: "${here}" is a ${node.type} and has no attribute "${path[i + 1]}"`;
    }
    if (node.freeForm === true) {
      const keys = path.slice(i + 1);
      if (keys.length === 0) {
        return `attribute "${display}" is an object with free-form content; filter on a key inside it, e.g. "${display}/someKey"`;
      }
      return { kind: 'freeForm', display, steps, keys };
    }
    if (i === path.length - 1) {
      const example = Object.keys(node.children ?? {})[0];
      return example === undefined
        ? `attribute "${display}" is an object and cannot be compared with a value`
        : `attribute "${display}" is an object and cannot be compared with a value; filter on one of its attributes, e.g. "${display}/${example}"`;
    }
    level = node.children ?? {};
  }
  // Unreachable: the loop returns at the last segment.
  return `attribute "${display}" is not supported for filtering on this resource`;
}
