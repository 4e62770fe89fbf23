import fc from 'fast-check';
import { type Document, isCollection, isPair, parseAllDocuments } from 'yaml';
import { parseBoundedYaml } from './bounded-yaml-parse';

const OPTIONS = { uniqueKeys: true, merge: false, version: '1.2' as const };

/** How deeply the documents nest collections: the depth of the composer's recursion. */
function composedDepth(contents: unknown[]): number {
  let max = 0;
  const stack: Array<[unknown, number]> = contents.map((c) => [c, 0]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    max = Math.max(max, depth + 1);
    for (const item of node.items) {
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return max;
}

describe('parseBoundedYaml', () => {
  it('composes what parseAllDocuments composes, with the same errors', () => {
    const text = 'a: 1\n---\nb: [1, {c: 2}]\nd: "x\n';
    const bounded = parseBoundedYaml(text, 100, OPTIONS);
    const reference: Document.Parsed[] = [...parseAllDocuments(text, OPTIONS)];
    expect(bounded.docs.map((d) => d.toJSON())).toEqual(reference.map((d) => d.toJSON()));
    expect(bounded.docs.map((d) => d.errors.map((e) => e.code))).toEqual(reference.map((d) => d.errors.map((e) => e.code)));
    expect(bounded.lines.linePos(text.indexOf('b:'))).toEqual({ line: 3, col: 1 });
  });

  it.each([
    ['block sequences', '- '.repeat(200000) + 'x'],
    ['flow sequences', '['.repeat(1000000)],
    ['invalid compact mappings, which yaml\'s error recovery nests line after line', 'a: a: x\n'.repeat(100000)],
    ['flow collections in recovered compact mappings', 'a: a: x\n[x[\n'.repeat(50000)],
  ])('stops early on deeply nested %s', (_what, text) => {
    const started = Date.now();
    const result = parseBoundedYaml(text, 128, OPTIONS);
    expect(result.tooDeepAt).toBeGreaterThan(0);
    expect(result.docs).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  // An implicit one-pair mapping in a flow sequence (`[a: b]`) is a level of the composed tree
  // that the composer builds inline, without a parser level (or a recursion) of its own.
  it('never lets the composed tree nest deeper than twice the bound it accepted', () => {
    const pieces = ['- ', '[', ']', '{', '}', 'a: ', 'b:', '"k": ', '\n', ' ', '  ', '    ', '? ', ': ', ', ', 'x', '|\n', '>\n', '"', "'", '# c', '---\n', '\t', '&a ', '*a', '!t ', '-', ':'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 200 }), fc.integer({ min: 1, max: 12 }), (parts, bound) => {
      const result = parseBoundedYaml(parts.join(''), bound, OPTIONS);
      if (result.tooDeepAt === undefined) expect(composedDepth(result.docs.map((d) => d.contents))).toBeLessThanOrEqual(2 * bound);
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 1000) });
  });
});
