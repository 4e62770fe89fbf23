import { isMap, isPair, isSeq } from 'yaml';
import { pointerJoin } from '../model';
import { pointerTokens } from './json-pointer';
import { yamlKeyText } from './yaml-key-text';

type Ranged = { range?: [number, number, number] | null };
const startOf = (node: unknown): number | undefined => (node as Ranged | null)?.range?.[0] ?? undefined;
const endOf = (node: unknown): number | undefined => (node as Ranged | null)?.range?.[2] ?? undefined;

/**
 * Source offset of what a JSON pointer designates: a mapping member's key, a sequence item, or,
 * when the pointer goes further than the document (a missing member), the nearest existing
 * ancestor. Aliases are not followed: the alias is where that value enters the text.
 */
export function offsetOfPointer(root: unknown, pointer: string): number | undefined {
  const tokens = pointerTokens(pointer);
  if (tokens === undefined) return undefined;
  let node = root;
  let offset = startOf(root);
  for (const token of tokens) {
    if (isMap(node)) {
      const pair = node.items.find((p) => yamlKeyText(p.key) === token);
      if (!pair) break;
      offset = startOf(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && /^(0|[1-9]\d*)$/.test(token) && Number(token) < node.items.length) {
      node = node.items[Number(token)];
      offset = startOf(node) ?? offset;
    } else break;
  }
  return offset;
}

/** The pointer of the deepest node whose text contains `offset` (to place YAML errors). */
export function pointerAtOffset(root: unknown, offset: number): string {
  let node = root;
  let pointer = '';
  for (;;) {
    const items: unknown[] = isMap(node) || isSeq(node) ? node.items : [];
    const index = items.findIndex((item) => {
      const from = startOf(isPair(item) ? item.key : item);
      const to = isPair(item) ? (endOf(item.value) ?? endOf(item.key)) : endOf(item);
      return from !== undefined && to !== undefined && from <= offset && offset < Math.max(to, from + 1);
    });
    if (index < 0) return pointer;
    const item = items[index];
    pointer = pointerJoin(pointer, isPair(item) ? yamlKeyText(item.key) : index);
    node = isPair(item) ? item.value : item;
  }
}
