import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { fastYamlData } from './fast-yaml-data';
import { parseDescriptorText } from './parse-descriptor-text';
import { findRepoRoot } from './repo-root';
import { DEFAULT_TEXT_LIMITS } from './text-limits';

const root = findRepoRoot()!;
const listFiles = (dir: string): string[] =>
  !existsSync(dir) ? [] : readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : /\.(ya?ml|json)$/.test(e.name) ? [join(dir, e.name)] : []));
const refExamples = join(process.env.NFVO_REF_DIR ?? resolve(root, '..', 'shared', 'ref'), 'sonata', 'examples');
const SEEDS = [...listFiles(refExamples), ...listFiles(join(root, 'descriptors', 'examples')), ...listFiles(join(root, 'test', 'fixtures', 'descriptors'))].map((f) => readFileSync(f, 'utf8'));

/** The yaml way alone: what parseDescriptorText reads when the fast path declines (a `!` in a comment forces it). */
const slow = (text: string) => parseDescriptorText('f.yaml', `${text}\n# !`);

describe('fastYamlData', () => {
  it('reads what the bounded yaml way reads, for every example and fixture it takes', () => {
    let taken = 0;
    for (const text of SEEDS) {
      const fast = fastYamlData(text, DEFAULT_TEXT_LIMITS);
      if (fast === undefined) continue;
      taken++;
      const s = slow(text);
      expect(s.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(fast).toEqual(s.doc);
    }
    expect(taken).toBeGreaterThan(10);
  });

  it('never takes text the yaml way refuses or reads otherwise (random edits of the examples)', () => {
    const pieces = [': ', '\n', '- ', '  ', '"', "'", '{', '}', '[', ']', ',', '#', '|', '>', 'null', '~', '0o17', '1e3', 'true', 'yes', '\\', ' x', '?', '-', '@', '`', '%', ':', '::1', '.5', '0x1F', '"\\u00e9"', '\r\n', '\u00a0'];
    fc.assert(fc.property(fc.constantFrom(...SEEDS), fc.nat(), fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 4 }), fc.nat(40), (seed, at, inserted, cut) => {
      const i = at % (seed.length + 1);
      const text = seed.slice(0, i) + inserted.join('') + seed.slice(i + cut);
      const fast = fastYamlData(text, DEFAULT_TEXT_LIMITS);
      if (fast === undefined) return;
      const s = slow(text);
      expect(s.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(fast).toEqual(s.doc);
    }), { numRuns: 3000 });
  });

  it('leaves anchors, tags, directives, several documents, duplicate keys, deep nesting and huge values to yaml', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !custom 1\n', '%YAML 1.1\n---\na: 1\n', 'a: 1\n---\nb: 2\n', 'a: 1\na: 2\n', '- 1\n', '', '__proto__: {a: 1}\n', '? [a]\n: b\n', 'a:\tb\n']) {
      expect(fastYamlData(text, DEFAULT_TEXT_LIMITS)).toBeUndefined();
    }
    const deep = `${'['.repeat(70)}${']'.repeat(70)}`;
    expect(fastYamlData(`a: ${deep}\n`, DEFAULT_TEXT_LIMITS)).toBeUndefined();
    expect(fastYamlData(`a: ${'x'.repeat(70 * 1024)}\n`, DEFAULT_TEXT_LIMITS)).toBeUndefined();
    // ...and what it declines still gets its finding with line and column from the yaml way.
    expect(parseDescriptorText('f.yaml', 'a: 1\na: 2\n').findings).toEqual([expect.objectContaining({ code: 'syntax.duplicate-key', line: 2, column: 1 })]);
  });

  it('finds lines and columns, by the yaml way, only when asked', () => {
    const parsed = parseDescriptorText('f.yaml', 'name: x\nunits:\n  - id: a\n    image: i\n');
    expect(parsed.findings).toEqual([]);
    expect(parsed.locate('/units/0/image')).toEqual({ line: 4, column: 5 });
  });
});
