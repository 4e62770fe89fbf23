import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml, stringify } from 'yaml';
import type { Finding } from '../model';
import { importDescriptor } from './import-descriptor';
import { parseDescriptorText } from './parse-descriptor-text';
import { findRepoRoot } from './repo-root';

const root = findRepoRoot()!;
const listFiles = (dir: string): string[] =>
  !existsSync(dir) ? [] : readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : /\.(ya?ml|json)$/.test(e.name) ? [join(dir, e.name)] : []));

// Real examples when the reference data is there; our own examples and fixtures always.
const refExamples = join(process.env.NFVO_REF_DIR ?? resolve(root, '..', 'shared', 'ref'), 'sonata', 'examples');
const SEEDS = [...listFiles(refExamples), ...listFiles(join(root, 'descriptors', 'examples')), ...listFiles(join(root, 'test', 'fixtures', 'descriptors'))]
  .map((file) => readFileSync(file, 'utf8'));

/** Paths to every value of a document, found without recursion. */
function pathsOf(doc: unknown): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  const stack: Array<[unknown, Array<string | number>]> = [[doc, []]];
  while (stack.length > 0 && out.length < 5000) {
    const [value, path] = stack.pop()!;
    out.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, [...path, i]]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) stack.push([v, [...path, k]]);
  }
  return out;
}

/** Replaces (or, with `undefined`, deletes) the value at `path`; the root is replaced wholesale. */
function edit(doc: unknown, path: Array<string | number>, change: (old: unknown) => unknown): unknown {
  if (path.length === 0) return change(doc);
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let parent = copy;
  for (const token of path.slice(0, -1)) parent = parent[token] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  const next = change(parent[last]);
  if (next !== undefined) parent[last] = next;
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return copy;
}

const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }));
const swapShape = (v: unknown): unknown => (Array.isArray(v) ? Object.fromEntries(v.map((x, i) => [`k${i}`, x])) : v && typeof v === 'object' ? Object.values(v) : [v]);

/** A mutation of the data, written back as YAML or JSON. */
const dataMutation = fc.tuple(fc.nat(), fc.oneof(fc.constant<'delete'>('delete'), fc.constant<'swap'>('swap'), anyValue.map((v) => ({ value: v }))), fc.boolean()).map(
  ([pick, how, asJson]) => (text: string): string => {
    let doc: unknown;
    try { doc = parseYaml(text); } catch { return text; }
    const paths = pathsOf(doc);
    const path = paths[pick % paths.length];
    const mutated = edit(doc, path, (old) => (how === 'delete' ? undefined : how === 'swap' ? swapShape(old) : how.value));
    return asJson ? JSON.stringify(mutated, null, 2) ?? '' : stringify(mutated);
  },
);

/** A mutation of the text itself: truncate, insert characters, duplicate a `key:` line. */
const textMutation = fc.oneof(
  fc.nat().map((at) => (text: string) => text.slice(0, at % (text.length + 1))),
  fc.tuple(fc.nat(), fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('&a', '*a', '- ', ': ', '{', '[', '"', "'", '\t', '|', '>', '!!', '%YAML 1.1\n', '---\n', '\u0000', '#'))).map(
    ([at, insert]) => (text: string) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)),
  ),
  fc.nat().map((pick) => (text: string) => {
    const lines = text.split('\n');
    const keyed = lines.map((l, i) => (/^\s*[\w-]+\s*:/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (keyed.length === 0) return text;
    const i = keyed[pick % keyed.length];
    return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n');
  }),
);

// FUZZ_RUNS raises the effort for a local bug hunt; CI keeps the suite fast.
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const CODE = /^[a-z]+\.[a-z-]+$/;
const positive = (n: number | undefined): boolean => n === undefined || (Number.isInteger(n) && n > 0);
const wellFormed = (f: Finding, file: string): boolean =>
  CODE.test(f.code) && f.code !== 'internal.import-failure' && (f.severity === 'error' || f.severity === 'warning') && f.level === 'syntax' && f.file === file &&
  typeof f.pointer === 'string' && (f.pointer === '' || f.pointer.startsWith('/')) && positive(f.line) && positive(f.column) &&
  (f.line === undefined) === (f.column === undefined) && typeof f.message === 'string' && f.message.trim().length > 0;

/** Every `source` in an imported model names the file and a pointer. */
function sourcesWellFormed(descriptor: unknown, file: string): boolean {
  const stack: unknown[] = [descriptor];
  while (stack.length > 0) {
    const v = stack.pop();
    if (!v || typeof v !== 'object') continue;
    const source = (v as { source?: { file?: unknown; pointer?: unknown } }).source;
    if (source && (source.file !== file || typeof source.pointer !== 'string' || !(source.pointer === '' || source.pointer.startsWith('/')))) return false;
    stack.push(...Object.values(v));
  }
  return true;
}

function checkRun(text: string): void {
  const file = 'fuzz/descriptor.yaml';
  const result = importDescriptor(parseDescriptorText(file, text));
  for (const f of result.findings) if (!wellFormed(f, file)) throw new Error(`malformed finding ${JSON.stringify(f)}`);
  if (result.descriptor) {
    expect(() => JSON.stringify(result.descriptor)).not.toThrow(); // a tree, storable as JSONB
    expect(sourcesWellFormed(result.descriptor, file)).toBe(true);
  }
}

describe('parser and importers under random mutations of real descriptors', () => {
  const seed = fc.constantFrom(...SEEDS);

  it('has seeds', () => expect(SEEDS.length).toBeGreaterThan(5));

  it('never throw, and report well-formed findings, for mutated data', () => {
    fc.assert(fc.property(seed, fc.array(dataMutation, { minLength: 1, maxLength: 3 }), (text, mutations) => checkRun(mutations.reduce((t, m) => m(t), text))), { numRuns: RUNS });
  });

  it('never throw, and report well-formed findings, for mutated text', () => {
    fc.assert(fc.property(seed, fc.array(textMutation, { minLength: 1, maxLength: 3 }), (text, mutations) => checkRun(mutations.reduce((t, m) => m(t), text))), { numRuns: RUNS });
  });

  it('never throw for arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => checkRun(text)), { numRuns: RUNS });
  });
});
