import { type FilterSpec, typeMatches, alternatives, anyOf, enumList, stringList } from './filter-spec';

export const VNFPKGM_NOTIFICATION_TYPES = ['VnfPackageOnboardingNotification', 'VnfPackageChangeNotification'];

interface Products {
  vnfProvider: string;
  vnfProducts?: Array<{ vnfProductName: string; versions?: Array<{ vnfSoftwareVersion: string; vnfdVersions?: string[] }> }>;
}

/** vnfProductsFromProviders: a provider matches, narrowed by product name, software version and VNFD version where given. */
function productsMatch(list: unknown, a: Record<string, unknown>): boolean {
  if (list === undefined) return true;
  return (list as Products[]).some(
    (p) =>
      p.vnfProvider === a.vnfProvider &&
      (!p.vnfProducts ||
        p.vnfProducts.some(
          (pr) =>
            pr.vnfProductName === a.vnfProductName &&
            (!pr.versions || pr.versions.some((v) => v.vnfSoftwareVersion === a.vnfSoftwareVersion && (!v.vnfdVersions || v.vnfdVersions.includes(String(a.vnfdVersion))))),
        )),
  );
}

const versions = { type: 'array', items: { type: 'object', additionalProperties: false, required: ['vnfSoftwareVersion'], properties: { vnfSoftwareVersion: { type: 'string' }, vnfdVersions: stringList } } };
const products = { type: 'array', items: { type: 'object', additionalProperties: false, required: ['vnfProductName'], properties: { vnfProductName: { type: 'string' }, versions } } };

/** SOL005 cl. 9.5.3.2 PkgmNotificationsFilter. */
export const VNFPKGM_FILTER: FilterSpec = {
  api: 'vnfpkgm',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      notificationTypes: enumList(VNFPKGM_NOTIFICATION_TYPES),
      vnfProductsFromProviders: { type: 'array', minItems: 1, items: { type: 'object', additionalProperties: false, required: ['vnfProvider'], properties: { vnfProvider: { type: 'string' }, vnfProducts: products } } },
      vnfdId: stringList,
      vnfPkgId: stringList,
      operationalState: enumList(['ENABLED', 'DISABLED']),
      usageState: enumList(['IN_USE', 'NOT_IN_USE']),
      vnfmInfo: stringList,
    },
  },
  // Table 9.5.3.2-1 NOTE: vnfProductsFromProviders, vnfdId and vnfPkgId are alternatives.
  forbidden: (f) => alternatives(f, ['vnfProductsFromProviders', 'vnfdId', 'vnfPkgId']),
  matches: (f, e) =>
    typeMatches(f.notificationTypes, e.type) &&
    productsMatch(f.vnfProductsFromProviders, e.attributes) &&
    ['vnfdId', 'vnfPkgId', 'operationalState', 'usageState'].every((a) => anyOf(f[a], e.attributes[a])),
};
