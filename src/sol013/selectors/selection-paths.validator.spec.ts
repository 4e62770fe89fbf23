import { NfvoError } from '../../shared/nfvo-error';
import type { AttributeCatalogue } from '../filter/attribute-catalogue';
import { parseSelectors } from './selector-query.parser';
import { validateSelectionPaths } from './selection-paths.validator';

const catalogue: AttributeCatalogue = {
  id: { type: 'string' },
  nsdName: { type: 'string' },
  vnfPkgIds: { type: 'string', array: true },
  userDefinedData: { type: 'object', freeForm: true },
  vnfInstance: {
    type: 'object',
    array: true,
    children: { id: { type: 'string' }, instantiatedVnfInfo: { type: 'object', children: { vnfState: { type: 'string' } } } },
  },
  _links: { type: 'object', children: { self: { type: 'object', children: { href: { type: 'string' } } } } },
};

const check = (query: Record<string, unknown>) => validateSelectionPaths(parseSelectors(query), catalogue);

describe('validateSelectionPaths (SOL013 cl. 5.3.2)', () => {
  it('accepts known paths, through arrays and into free-form objects', () => {
    expect(() => check({ fields: 'nsdName,vnfInstance/instantiatedVnfInfo/vnfState,_links/self/href,userDefinedData/any/thing' })).not.toThrow();
    expect(() => check({ exclude_fields: 'vnfInstance/id,vnfPkgIds' })).not.toThrow();
  });

  it('has nothing to check for flags', () => {
    expect(() => check({})).not.toThrow();
    expect(() => check({ all_fields: '' })).not.toThrow();
  });

  it.each([
    [{ fields: 'nsdName,nsdNmae,vnfInstance/bogus' }, 'fields names unknown attribute(s) nsdNmae, vnfInstance/bogus'],
    [{ exclude_fields: 'id/deeper' }, 'exclude_fields names unknown attribute(s) id/deeper'],
    [{ fields: 'toString,__proto__' }, 'fields names unknown attribute(s) toString, __proto__'],
    [{ fields: 'vnfPkgIds/x', exclude_default: '' }, 'fields names unknown attribute(s) vnfPkgIds/x'],
  ])('rejects %j naming the unknown paths', (query, message) => {
    expect.assertions(2);
    try {
      check(query);
    } catch (e) {
      expect((e as NfvoError).code).toBe('INVALID_SELECTOR');
      expect((e as NfvoError).detail).toContain(message);
    }
  });
});
