import fc from 'fast-check';
import type { DescriptorSet, Finding } from '../model';
import { validSet } from '../rules/test-fixtures';
import { mutations } from './descriptor-mutations.fixture';
import { compareFindings } from './finding-order';
import { FINDING_CODES, validateDescriptors } from './validate-descriptors';

function expectWellFormed(f: Finding): void {
  expect(f.code).toMatch(/^[a-z]+\.[a-z-]+$/);
  expect(['error', 'warning']).toContain(f.severity);
  expect(['syntax', 'integrity', 'topology', 'joint']).toContain(f.level);
  expect(typeof f.file).toBe('string');
  expect(f.pointer === '' || f.pointer.startsWith('/')).toBe(true);
  expect(f.message.trim().length).toBeGreaterThan(0);
  expect(f.line).toBeUndefined();
}

/** Sets a random place of the (JSON-shaped) set to a random JSON value: what no parser should emit. */
function vandalise(set: DescriptorSet, picks: number[], value: unknown): void {
  let node: unknown = set;
  for (const pick of picks) {
    if (node === null || typeof node !== 'object') return;
    const keys = Object.keys(node);
    if (keys.length === 0) return;
    const key = keys[pick % keys.length];
    const child = (node as Record<string, unknown>)[key];
    if (child === null || typeof child !== 'object' || pick % 5 === 0) {
      (node as Record<string, unknown>)[key] = value;
      return;
    }
    node = child;
  }
}

describe('validateDescriptors under random mutation', () => {
  it('reports type-correct mistakes without any rule failing, well-formed and sorted', () => {
    fc.assert(
      fc.property(mutations, (edits) => {
        const set = validSet();
        for (const edit of edits) edit(set);
        const report = validateDescriptors(set);
        report.findings.forEach(expectWellFormed);
        expect(report.findings.filter((f) => f.code === 'internal.rule-failure')).toEqual([]);
        for (let i = 1; i < report.findings.length; i++) expect(compareFindings(report.findings[i - 1], report.findings[i])).toBeLessThanOrEqual(0);
        const errors = report.findings.filter((f) => f.severity === 'error').length;
        expect(report.counts).toEqual({ errors, warnings: report.findings.length - errors });
        expect(report.valid).toBe(errors === 0);
      }),
      { numRuns: 400 },
    );
  });

  it('reaches every rule (so the property above is not vacuous)', () => {
    const hit = new Set<string>();
    for (const edits of fc.sample(mutations, { numRuns: 2000, seed: 20240611 })) {
      const set = validSet();
      for (const edit of edits) edit(set);
      for (const f of validateDescriptors(set).findings) hit.add(f.code);
    }
    expect(FINDING_CODES.filter((code) => !hit.has(code))).toEqual(['internal.rule-failure']);
  });

  it('never throws, even when the model itself is broken', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.jsonValue(), (picks, value) => {
        const set = validSet();
        vandalise(set, picks, value);
        const report = validateDescriptors(set);
        report.findings.forEach(expectWellFormed);
      }),
      { numRuns: 400 },
    );
  });
});
