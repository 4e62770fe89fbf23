import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDescriptor } from './import-descriptor';
import { parseDescriptorText } from './parse-descriptor-text';
import { findRepoRoot } from './repo-root';

const fixture = (name: string): string => readFileSync(join(findRepoRoot()!, 'test', 'fixtures', 'descriptors', name), 'utf8');
const parse = (name: string, text = fixture(name)) => parseDescriptorText(name, text);
const codes = (p: { findings: Array<{ code: string }> }) => p.findings.map((f) => f.code);

describe('parseDescriptorText', () => {
  it('reads YAML into data and locates pointers, a missing member at its nearest ancestor', () => {
    const p = parseDescriptorText('a.yaml', 'a:\n  b:\n    - x\n    - y: 1\n');
    expect(p.findings).toEqual([]);
    expect(p.doc).toEqual({ a: { b: ['x', { y: 1 }] } });
    expect(p.locate('/a/b/1/y')).toEqual({ line: 4, column: 7 });
    expect(p.locate('/a/b/0')).toEqual({ line: 3, column: 7 });
    expect(p.locate('/a/b/1/missing/deeper')).toEqual({ line: 4, column: 7 });
    expect(p.locate('')).toEqual({ line: 1, column: 1 });
    expect(p.locate('not-a-pointer')).toBeUndefined();
  });

  it('decodes ~0 and ~1 in pointers', () => {
    const p = parseDescriptorText('a.yaml', 'x: 1\n"a/b~c": 2\n');
    expect(p.locate('/a~1b~0c')).toEqual({ line: 2, column: 1 });
  });

  it('reads a JSON document, which is YAML too', () => {
    const p = parse('sonata-vnfd.json');
    expect(p.findings).toEqual([]);
    expect(p.locate('/virtual_deployment_units/0/resource_requirements/memory/size')).toEqual({ line: 13, column: 21 });
  });

  it('reports malformed YAML with line and column, and no document', () => {
    const p = parse('malformed.yaml');
    expect(p.doc).toBeUndefined();
    expect(p.findings.length).toBeGreaterThan(0);
    expect(p.findings[0]).toMatchObject({ code: 'syntax.yaml', severity: 'error', level: 'syntax', file: 'malformed.yaml', line: 3 });
  });

  it('reports a duplicate key at the second occurrence, with its pointer', () => {
    const p = parse('duplicate-key-vnfd.yaml');
    expect(p.doc).toBeUndefined();
    expect(p.findings).toEqual([expect.objectContaining({ code: 'syntax.duplicate-key', pointer: '/virtual_deployment_units/0/resource_requirements/memory', line: 15, column: 7 })]);
  });

  it('stops a billion-laughs alias bomb quickly, with little memory', () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    const p = parse('billion-laughs.yaml');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    expect(codes(p)).toEqual(['syntax.alias-bomb']);
    expect(p.findings[0]).toMatchObject({ pointer: '/b/0', line: 4 });
  });

  it('refuses an alias that names its own ancestor (circular data)', () => {
    expect(codes(parseDescriptorText('c.yaml', 'x: &a [1, *a]\n'))).toEqual(['syntax.yaml']);
  });

  it('refuses a 10 MB file before parsing it, and a large scalar once the file may be that large', () => {
    const text = `descriptor_version: "1.0"\nuser_data: "${'x'.repeat(10 * 1024 * 1024)}"\n`;
    const started = Date.now();
    expect(parseDescriptorText('big.yaml', text).findings).toEqual([expect.objectContaining({ code: 'syntax.too-large', line: 1 })]);
    const roomy = parseDescriptorText('big.yaml', text, { maxTextBytes: 16 * 1024 * 1024 });
    expect(roomy.findings).toEqual([expect.objectContaining({ code: 'syntax.scalar-too-large', pointer: '/user_data', line: 2, column: 1 })]);
    expect(Date.now() - started).toBeLessThan(10000);
  });

  it('refuses a scalar above 64 KiB with the default limits', () => {
    const p = parseDescriptorText('s.yaml', `a: 1\nb: |\n  ${'y'.repeat(70 * 1024)}\n`);
    expect(p.findings).toEqual([expect.objectContaining({ code: 'syntax.scalar-too-large', pointer: '/b', line: 2 })]);
  });

  it.each([
    ['block sequences', '- '.repeat(200000) + 'x'],
    ['flow sequences', '['.repeat(1000000)],
    ['flow mappings', '{a: '.repeat(100000)],
  ])('refuses deeply nested %s before the recursive composer sees them', (_what, text) => {
    const started = Date.now();
    const p = parseDescriptorText('deep.yaml', text);
    expect(codes(p)).toEqual(['syntax.too-deep']);
    expect(p.findings[0].line).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('accepts 60 levels of nesting and refuses 70 with the exact pointer', () => {
    const nested = (n: number): string => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n';
    expect(parseDescriptorText('ok.yaml', nested(60)).findings).toEqual([]);
    const deep = parseDescriptorText('deep.yaml', nested(70));
    expect(deep.findings).toEqual([expect.objectContaining({ code: 'syntax.too-deep', pointer: `/${Array(64).fill('a').join('/')}`, line: 64 })]);
  });

  it('does not count brackets inside block scalars or quotes as nesting', () => {
    const text = `script: |\n  ${'[[[[ - - - '.repeat(100)}\nname: "${'['.repeat(300)}"\n`;
    expect(parseDescriptorText('s.yaml', text).findings).toEqual([]);
  });

  it('reports an empty file, a file of comments and a null document', () => {
    for (const text of [fixture('empty.yaml'), '# nothing here\n', '~\n', '---\n...\n']) {
      expect(codes(parseDescriptorText('e.yaml', text))).toEqual(['syntax.empty-document']);
    }
  });

  it('refuses several documents in one file, at the separator of the second', () => {
    expect(parse('multi-document.yaml').findings).toEqual([expect.objectContaining({ code: 'syntax.multiple-documents', line: 5 })]);
    expect(parseDescriptorText('t.yaml', '---\na: 1\n---\n').findings).toEqual([]); // a trailing separator is no document
  });

  it('warns about unknown tags and keeps the value as text', () => {
    const p = parseDescriptorText('t.yaml', 'a: !custom value\n');
    expect(p.doc).toEqual({ a: 'value' });
    expect(p.findings).toEqual([expect.objectContaining({ code: 'syntax.yaml-warning', severity: 'warning', pointer: '/a', line: 1 })]);
  });

  it('keeps a __proto__ key as data', () => {
    const doc = parseDescriptorText('p.yaml', '__proto__: { polluted: true }\n').doc as object;
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('parse + import of bad input', () => {
  const run = (name: string) => importDescriptor(parse(name));

  it('reports vcpus "two" as a type error at its exact pointer and line', () => {
    const r = run('wrong-type-vnfd.yaml');
    expect(r.findings).toEqual([
      expect.objectContaining({ code: 'syntax.type', severity: 'error', pointer: '/virtual_deployment_units/0/resource_requirements/cpu/vcpus', line: 12, column: 9 }),
    ]);
    expect(r.findings[0].message).toContain('"vcpus" must be a whole number, found the text "two"');
  });

  it('reports missing required fields at the member they should be, located at its mapping', () => {
    const r = run('missing-required-nsd.yaml');
    expect(r.descriptor).toBeUndefined();
    expect(r.findings).toEqual([
      expect.objectContaining({ code: 'syntax.required', pointer: '/name', line: 2, column: 1 }),
      expect.objectContaining({ code: 'syntax.required', pointer: '/network_functions/0/vnf_version', line: 6, column: 5 }),
    ]);
  });

  it('names what an unknown format could have been', () => {
    const r = run('unknown-format.yaml');
    expect(r.findings).toEqual([expect.objectContaining({ code: 'syntax.unknown-format', pointer: '', line: 2 })]);
    expect(r.findings[0].message).toMatch(/SONATA.*5GTANGO.*Pishahang v1.*Pishahang v2/);
  });

  it('refuses a document that is not a mapping', () => {
    expect(importDescriptor(parseDescriptorText('l.yaml', '- a\n- b\n')).findings).toEqual([expect.objectContaining({ code: 'syntax.type', pointer: '' })]);
  });

  it('imports a JSON document', () => {
    const r = run('sonata-vnfd.json');
    expect(r.findings).toEqual([]);
    expect(r.descriptor).toMatchObject({ kind: 'function', sourceFormat: 'sonata', units: [{ resources: { vcpus: 1, memoryMiB: 512, storageGiB: 1 } }] });
  });
});
