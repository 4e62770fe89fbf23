import fc from 'fast-check';
import { NfvoError } from '../../shared/nfvo-error';
import { applySelection } from './selection.applier';
import { parseSelectors, selectionToQuery } from './selector-query.parser';
import type { AttributePath, Selection, SelectionSpec } from './selection.types';

// Few names, so that generated paths often hit generated documents.
const name = fc.constantFrom('a', 'b', 'c', 'd');
const mandatoryName = fc.constantFrom('id', '_links');
const path = fc.array(name, { minLength: 1, maxLength: 3 });
const paths = fc.array(path, { minLength: 1, maxLength: 4 });

const { obj: doc } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    tie('obj'),
    tie('arr'),
  ),
  obj: fc.dictionary(fc.oneof(name, mandatoryName), tie('value'), { maxKeys: 5 }),
  arr: fc.array(tie('value'), { maxLength: 3 }),
}));

const spec: fc.Arbitrary<SelectionSpec> = fc.record({
  complexAttributes: fc.array(fc.array(fc.oneof(name, mandatoryName), { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
  optionalComplexAttributes: fc.array(fc.array(name, { minLength: 1, maxLength: 2 }), { maxLength: 3 }),
  // Mandatory paths start with a name that exclude_fields below never starts with, so every generated selection is valid.
  mandatory: fc.array(fc.tuple(mandatoryName, fc.array(name, { maxLength: 1 })).map(([h, t]) => [h, ...t]), { maxLength: 2 }),
});

const selection: fc.Arbitrary<Selection> = fc.oneof(
  fc.constant<Selection>({ kind: 'all_fields' }),
  fc.boolean().map((implicit): Selection => ({ kind: 'exclude_default', implicit })),
  fc.record({ fields: paths, excludeDefault: fc.boolean() }).map((r): Selection => ({ kind: 'fields', ...r })),
  paths.map((excludeFields): Selection => ({ kind: 'exclude_fields', excludeFields })),
);

/** Whether any value is reachable along the path (through every array element). */
function hasPath(value: unknown, p: AttributePath): boolean {
  if (p.length === 0) return true;
  if (Array.isArray(value)) return value.some((el) => hasPath(el, p));
  if (typeof value !== 'object' || value === null) return false;
  return Object.prototype.hasOwnProperty.call(value, p[0]) && hasPath((value as Record<string, unknown>)[p[0]], p.slice(1));
}

describe('applySelection properties', () => {
  it('never throws for a valid selection, returns a new plain object and leaves the input unchanged', () => {
    fc.assert(
      fc.property(doc, selection, spec, (d, s, sp) => {
        const before = structuredClone(d);
        const out = applySelection(d, s, sp);
        expect(typeof out).toBe('object');
        expect(Array.isArray(out)).toBe(false);
        expect(out).not.toBe(d);
        expect(d).toEqual(before);
      }),
    );
  });

  it('all_fields is the identity', () => {
    fc.assert(fc.property(doc, spec, (d, sp) => expect(applySelection(d, { kind: 'all_fields' }, sp)).toEqual(d)));
  });

  it('exclude_fields=X leaves no X in the result', () => {
    fc.assert(
      fc.property(doc, paths, spec, (d, xs, sp) => {
        const out = applySelection(d, { kind: 'exclude_fields', excludeFields: xs }, sp);
        for (const x of xs) expect(hasPath(out, x)).toBe(false);
      }),
    );
  });

  it('top-level mandatory attributes survive every selection unchanged', () => {
    fc.assert(
      fc.property(doc, selection, spec, (d, s, sp) => {
        const out = applySelection(d, s, sp) as Record<string, unknown>;
        for (const m of sp.mandatory.filter((p) => p.length === 1)) {
          expect(out[m[0]]).toEqual((d as Record<string, unknown>)[m[0]]);
        }
      }),
    );
  });

  it('fields alone drops exactly the unlisted optional complex attributes at the top level', () => {
    fc.assert(
      fc.property(doc, paths, spec, (d, fs, sp) => {
        const out = applySelection(d, { kind: 'fields', fields: fs, excludeDefault: false }, sp);
        const kept = new Set([...sp.mandatory, ...fs].map((p) => p[0]));
        const droppable = new Set(sp.optionalComplexAttributes.filter((p) => p.length === 1).map((p) => p[0]));
        for (const k of Object.keys(d)) {
          if (droppable.has(k) && !kept.has(k)) expect(out).not.toHaveProperty([k]);
          if (!droppable.has(k) && !sp.optionalComplexAttributes.some((p) => p[0] === k)) expect(out).toHaveProperty([k]);
        }
      }),
    );
  });

  it('a selection survives the trip to query text and back', () => {
    fc.assert(
      fc.property(selection, (s) => {
        const back = parseSelectors(selectionToQuery(s));
        expect(back).toEqual(s.kind === 'fields' || s.kind === 'exclude_fields' ? dedupe(s) : s);
      }),
    );
  });

  it('parseSelectors fails only with INVALID_SELECTOR on arbitrary input', () => {
    const value = fc.oneof(fc.string(), fc.constant(''), fc.array(fc.string(), { maxLength: 2 }), fc.constant(undefined));
    fc.assert(
      fc.property(fc.record({ all_fields: value, fields: value, exclude_fields: value, exclude_default: value }, { requiredKeys: [] }), (q) => {
        try {
          parseSelectors(q);
        } catch (e) {
          expect(e).toBeInstanceOf(NfvoError);
          expect((e as NfvoError).code).toBe('INVALID_SELECTOR');
        }
      }),
    );
  });
});

/** The parser lists a repeated path once. */
function dedupe(s: Selection): Selection {
  const uniq = (ps: readonly AttributePath[]) => [...new Map(ps.map((p) => [p.join('/'), p])).values()];
  if (s.kind === 'fields') return { ...s, fields: uniq(s.fields) };
  if (s.kind === 'exclude_fields') return { ...s, excludeFields: uniq(s.excludeFields) };
  return s;
}
