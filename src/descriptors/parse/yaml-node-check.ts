import { isAlias, isCollection, isNode, isPair, isScalar } from 'yaml';
import { pointerJoin } from '../model';
import type { TextLimits } from './text-limits';
import { yamlKeyText } from './yaml-key-text';

export interface NodeCheck {
  /** Pointer of the first collection nested deeper than the limit. */
  tooDeep?: string;
  /** Pointers of scalars (values or keys) longer than the limit, at most `maxReported`. */
  largeScalars: string[];
  /** Pointer of the first alias, where a billion-laughs expansion starts. */
  firstAlias?: string;
  /** Pointer of an alias inside the very collection it names: the data would be circular. */
  recursiveAlias?: string;
}

interface Entry { node: unknown; pointer: string; depth: number; ancestors: readonly unknown[] }

/**
 * Walks the composed YAML tree in document order with an explicit stack (yaml's own visit() and
 * toJS() recurse), to refuse documents nested too deep, carrying huge scalars, or aliasing their
 * own ancestor (`x: &a [*a]`), before they are turned into data.
 */
export function checkYamlNodes(root: unknown, limits: Pick<TextLimits, 'maxDepth' | 'maxScalarBytes'>, maxReported = 5): NodeCheck {
  const result: NodeCheck = { largeScalars: [] };
  const latestAnchor = new Map<string, unknown>(); // yaml resolves an alias to the last anchor before it
  const stack: Entry[] = [{ node: root, pointer: '', depth: 0, ancestors: [] }];
  while (stack.length > 0) {
    const { node, pointer, depth, ancestors } = stack.pop()!;
    if (isNode(node) && !isAlias(node) && node.anchor) latestAnchor.set(node.anchor, node);
    if (isScalar(node)) {
      if (typeof node.value === 'string' && result.largeScalars.length < maxReported && Buffer.byteLength(node.value) > limits.maxScalarBytes) result.largeScalars.push(pointer);
    } else if (isAlias(node)) {
      result.firstAlias ??= pointer;
      if (result.recursiveAlias === undefined && ancestors.includes(latestAnchor.get(node.source))) result.recursiveAlias = pointer;
    } else if (isCollection(node)) {
      if (depth + 1 > limits.maxDepth) return { ...result, tooDeep: pointer };
      const inner = [...ancestors, node];
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item: unknown = node.items[i];
        if (!isPair(item)) { stack.push({ node: item, pointer: pointerJoin(pointer, i), depth: depth + 1, ancestors: inner }); continue; }
        const child = pointerJoin(pointer, yamlKeyText(item.key));
        stack.push({ node: item.value, pointer: child, depth: depth + 1, ancestors: inner });
        stack.push({ node: item.key, pointer: child, depth: depth + 1, ancestors: inner });
      }
    }
  }
  return result;
}
