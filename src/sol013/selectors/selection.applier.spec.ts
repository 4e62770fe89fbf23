import { NfvoError } from '../../shared/nfvo-error';
import { applySelection, makeSelector } from './selection.applier';
import { parseSelectors } from './selector-query.parser';
import type { SelectionSpec } from './selection.types';

/** An NsInstance-like representation with the default exclude set of SOL005 cl. 6.4.2.3.2 (abridged). */
const nsInstance = () => ({
  id: 'ns-1',
  nsInstanceName: 'edge',
  nsInstanceDescription: 'two sites',
  nsState: 'INSTANTIATED',
  flavourId: 'df1',
  vnfInstance: [
    { id: 'v1', vnfProductName: 'fw', instantiatedVnfInfo: { vnfState: 'STARTED', extCpInfo: [{ id: 'cp1' }] } },
    { id: 'v2', vnfProductName: 'lb', instantiatedVnfInfo: { vnfState: 'STOPPED', extCpInfo: [] } },
  ],
  virtualLinkInfo: [{ id: 'vl1', linkPortIds: ['p1'] }],
  userDefinedData: { owner: 'ops', cost: { centre: 'A' } },
  _links: { self: { href: 'https://nfvo/nslcm/v2/ns_instances/ns-1' }, terminate: { href: 'https://nfvo/t' } },
});

const spec: SelectionSpec = {
  complexAttributes: [['vnfInstance'], ['virtualLinkInfo'], ['userDefinedData']],
  optionalComplexAttributes: [['vnfInstance'], ['virtualLinkInfo'], ['userDefinedData']],
  mandatory: [['id'], ['nsState'], ['_links']],
};

const simple = { id: 'ns-1', nsInstanceName: 'edge', nsInstanceDescription: 'two sites', nsState: 'INSTANTIATED', flavourId: 'df1' };

const select = (query: Record<string, unknown>, doc: object = nsInstance()) => applySelection(doc, parseSelectors(query), spec);

describe('applySelection (SOL013 Table 5.3.2-2)', () => {
  it('all_fields returns everything as a new object', () => {
    const doc = nsInstance();
    const out = select({ all_fields: '' }, doc);
    expect(out).toEqual(doc);
    expect(out).not.toBe(doc);
    expect((out as any).vnfInstance).not.toBe(doc.vnfInstance);
  });

  it('exclude_default drops the default exclude set', () => {
    const out = select({ exclude_default: '' });
    expect(Object.keys(out).sort()).toEqual(['_links', 'flavourId', 'id', 'nsInstanceDescription', 'nsInstanceName', 'nsState']);
  });

  it('no selector behaves as exclude_default', () => {
    expect(select({})).toEqual(select({ exclude_default: '' }));
  });

  it('fields keeps simple and mandatory attributes plus the listed complex ones, and drops other optional complex ones', () => {
    expect(select({ fields: 'userDefinedData' })).toEqual({
      ...simple,
      userDefinedData: { owner: 'ops', cost: { centre: 'A' } },
      _links: nsInstance()._links,
    });
  });

  it('fields with a nested path keeps only that branch, in every array element', () => {
    const out = select({ fields: 'vnfInstance/instantiatedVnfInfo/vnfState' }) as any;
    expect(out.vnfInstance).toEqual([{ instantiatedVnfInfo: { vnfState: 'STARTED' } }, { instantiatedVnfInfo: { vnfState: 'STOPPED' } }]);
    expect(out.nsInstanceName).toBe('edge');
    expect(out.virtualLinkInfo).toBeUndefined();
  });

  it('fields naming a parent and a child keeps the whole parent', () => {
    const out = select({ fields: 'vnfInstance/id,vnfInstance' }) as any;
    expect(out.vnfInstance).toEqual(nsInstance().vnfInstance);
  });

  it('fields with exclude_default adds the listed complex attributes to the default set', () => {
    const out = select({ fields: 'vnfInstance/vnfProductName', exclude_default: '' }) as any;
    expect(out.nsInstanceName).toBe('edge'); // simple attributes stay
    expect(out.vnfInstance).toEqual([{ vnfProductName: 'fw' }, { vnfProductName: 'lb' }]);
    expect(out.virtualLinkInfo).toBeUndefined(); // still excluded
    expect(out.userDefinedData).toBeUndefined();
  });

  it('fields with exclude_default keeps a whole complex attribute when listed', () => {
    const out = select({ fields: 'virtualLinkInfo', exclude_default: '' }) as any;
    expect(out.virtualLinkInfo).toEqual([{ id: 'vl1', linkPortIds: ['p1'] }]);
    expect(out.vnfInstance).toBeUndefined();
  });

  it('exclude_fields removes the listed attributes, also inside array elements', () => {
    const out = select({ exclude_fields: 'nsInstanceDescription,vnfInstance/instantiatedVnfInfo,userDefinedData/cost' }) as any;
    expect(out.nsInstanceDescription).toBeUndefined();
    expect(out.vnfInstance).toEqual([{ id: 'v1', vnfProductName: 'fw' }, { id: 'v2', vnfProductName: 'lb' }]);
    expect(out.userDefinedData).toEqual({ owner: 'ops' });
    expect(out.virtualLinkInfo).toBeDefined(); // exclude_fields does not apply the default set
  });

  it.each(['id', '_links', '_links/self', 'nsState,nsInstanceName'])('exclude_fields=%s on a mandatory attribute is INVALID_SELECTOR', (list) => {
    expect.assertions(3);
    try {
      select({ exclude_fields: list });
    } catch (e) {
      expect(e).toBeInstanceOf(NfvoError);
      expect((e as NfvoError).code).toBe('INVALID_SELECTOR');
      expect((e as NfvoError).detail).toMatch(/cannot exclude mandatory attribute\(s\) (id|_links|_links\/self|nsState)\b/);
    }
  });

  it('paths absent from the document select nothing and do not fail', () => {
    expect(select({ fields: 'nope/deeper' })).toEqual({ ...simple, _links: nsInstance()._links });
    expect(select({ exclude_fields: 'nope,nsInstanceName/deeper' })).toEqual(nsInstance());
  });

  it('a nested default-exclude path only drops that branch', () => {
    const nested: SelectionSpec = { complexAttributes: [['vnfInstance', 'instantiatedVnfInfo']], optionalComplexAttributes: [], mandatory: [['id']] };
    const out = applySelection(nsInstance(), parseSelectors({}), nested) as any;
    expect(out.vnfInstance).toEqual([{ id: 'v1', vnfProductName: 'fw' }, { id: 'v2', vnfProductName: 'lb' }]);
  });

  it('applies paths through nested arrays as well', () => {
    const doc = { id: '1', nsState: 'X', _links: {}, grid: [[{ a: 1, b: 2 }], [{ a: 3, b: 4 }, 'scalar']] };
    expect((select({ exclude_fields: 'grid/b' }, doc) as any).grid).toEqual([[{ a: 1 }], [{ a: 3 }, 'scalar']]);
    const withGrid: SelectionSpec = { ...spec, optionalComplexAttributes: [...spec.optionalComplexAttributes, ['grid']] };
    expect((applySelection(doc, parseSelectors({ fields: 'grid/a' }), withGrid) as any).grid).toEqual([[{ a: 1 }], [{ a: 3 }, 'scalar']]);
  });

  it('never changes its input', () => {
    const doc = nsInstance();
    for (const q of [{}, { all_fields: '' }, { fields: 'vnfInstance/id' }, { exclude_fields: 'vnfInstance/instantiatedVnfInfo' }]) select(q, doc);
    expect(doc).toEqual(nsInstance());
  });

  it('keeps a "__proto__" member as data, never as a prototype', () => {
    const doc = JSON.parse('{"id":"1","nsState":"X","_links":{},"userDefinedData":{"__proto__":{"polluted":true}}}');
    const out = applySelection(doc, parseSelectors({ all_fields: '' }), spec) as any;
    expect(Object.getPrototypeOf(out.userDefinedData)).toBe(Object.prototype);
    expect(Object.keys(out.userDefinedData)).toEqual(['__proto__']);
    expect(({} as any).polluted).toBeUndefined();
  });
});

describe('makeSelector', () => {
  it('gives the same result as applySelection, sharing subtrees only when the caller owns the document', () => {
    const doc = { id: '1', nsState: 'X', _links: { self: { href: 'h' } }, vnfInstance: [{ id: 'v' }], userDefinedData: { a: 1 } };
    const spec = { complexAttributes: [['userDefinedData']], optionalComplexAttributes: [['vnfInstance'], ['userDefinedData']], mandatory: [['id'], ['_links']] };
    const sel = parseSelectors({ all_fields: '' });
    const owned = makeSelector<typeof doc>(sel, spec, { owned: true })(doc);
    const copied = makeSelector<typeof doc>(sel, spec)(doc);
    expect(owned).toEqual(doc);
    expect(copied).toEqual(doc);
    expect(owned.vnfInstance).toBe(doc.vnfInstance);
    expect(copied.vnfInstance).not.toBe(doc.vnfInstance);
  });
});
