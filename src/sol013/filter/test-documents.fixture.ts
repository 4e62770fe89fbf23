/**
 * Ten NsInstance-like documents for the PostgreSQL specs of this folder; row id = index + 1.
 * They mix nested objects, arrays of objects, arrays of strings, missing attributes,
 * numbers (5 and 5.0, a 23-digit integer), values of the wrong JSON type, date-times with
 * offsets, malformed date-times and free-form userDefinedData / metadata.
 */
const BIG_INTEGER = '__BIG_INTEGER__';

export const NS_DOCUMENTS: readonly object[] = [
  /* 1 */ {
    id: 'ns-1',
    nsInstanceName: 'alpha core',
    nsState: 'INSTANTIATED',
    vnfPkgIds: ['pkg-a', 'pkg-b'],
    priority: 5,
    enabled: true,
    createdAt: '2024-01-01T00:00:00Z',
    userDefinedData: { site: 'paris', tier: 1, flags: { edge: true } },
    vnfInstance: [
      {
        id: 'v1',
        vnfProductName: 'vFirewall',
        metadata: { zone: 'z1' },
        instantiatedVnfInfo: {
          vnfState: 'STARTED',
          scaleStatus: [
            { aspectId: 'as1', scaleLevel: 1 },
            { aspectId: 'as2', scaleLevel: 3 },
          ],
        },
      },
      { id: 'v2', vnfProductName: 'vRouter', instantiatedVnfInfo: { vnfState: 'STOPPED' } },
    ],
    _links: { self: { href: 'http://nfvo/ns/1' } },
  },
  /* 2 */ {
    id: 'ns-2',
    nsInstanceName: 'beta edge',
    nsState: 'NOT_INSTANTIATED',
    vnfPkgIds: ['pkg-c'],
    priority: 10,
    enabled: false,
    createdAt: '2024-06-15T12:30:00.250+02:00',
    userDefinedData: { site: 'london', tier: '1' },
    vnfInstance: [],
  },
  /* 3 */ {
    id: 'ns-3',
    nsInstanceName: 'gamma 50% off_sale',
    nsState: 'INSTANTIATED',
    priority: 5.0,
    createdAt: '2023-12-31T23:59:59Z',
    userDefinedData: { site: ['paris', 'berlin'], tier: 2.5 },
    vnfInstance: [
      {
        id: 'v3',
        vnfProductName: 'vFirewall-XL',
        instantiatedVnfInfo: { vnfState: 'STARTED', scaleStatus: [{ aspectId: 'as1', scaleLevel: 7 }] },
      },
    ],
  },
  /* 4 */ {
    id: 'ns-4',
    nsInstanceName: "O'Brien, (test)",
    nsState: 'INSTANTIATED',
    vnfPkgIds: [],
    priority: -2.5,
    enabled: true,
    createdAt: '2025-03-01T08:00:00-05:00',
    userDefinedData: { site: 'PARIS', load: 80 },
  },
  /* 5 */ { id: 'ns-5' },
  /* 6 */ {
    id: 'ns-6',
    nsInstanceName: 'delta',
    nsState: 'INSTANTIATED',
    priority: '7',
    createdAt: 'not a date',
    userDefinedData: { load: '95', site: null },
    vnfInstance: [
      {
        id: 'v6',
        vnfProductName: 'vDNS',
        metadata: { zone: ['z1', 'z2'] },
        instantiatedVnfInfo: { vnfState: 'STARTED', scaleStatus: [{ aspectId: 'as2', scaleLevel: '3' }] },
      },
    ],
  },
  /* 7 */ {
    id: 'ns-7',
    nsInstanceName: 'epsilon back\\slash',
    vnfPkgIds: ['pkg-a'],
    priority: BIG_INTEGER, // stored with all 23 digits, see NS_DOCUMENTS_JSON
    createdAt: '2024-02-30T00:00:00Z',
    userDefinedData: { nested: { deep: { key: 'v' } }, load: 80.0 },
  },
  /* 8 */ {
    id: 'ns-8',
    nsInstanceName: 'zeta',
    nsState: 'INSTANTIATED',
    enabled: false,
    createdAt: '2024-01-01T01:00:00+01:00',
    userDefinedData: { list: [{ k: 'x' }] },
    vnfInstance: [
      {
        id: 'v8',
        vnfProductName: 'vRouter',
        metadata: { zone: 'z2', weight: 3 },
        instantiatedVnfInfo: { vnfState: 'STOPPED', scaleStatus: [{ aspectId: 'as1', scaleLevel: 0 }] },
      },
    ],
  },
  /* 9 */ {
    id: 'ns-9',
    nsInstanceName: 'eta',
    priority: 0,
    createdAt: '2024-01-01T00:00:00.000001Z',
    userDefinedData: { site: 'paris', tier: true },
  },
  /* 10 */ {
    id: 'ns-10',
    nsInstanceName: 'theta',
    nsState: 'NOT_INSTANTIATED',
    vnfPkgIds: ['pkg-b', 'pkg-c'],
    priority: 100,
    createdAt: '2026-01-01T00:00:00+14:00',
    vnfInstance: [
      { id: 'v10', vnfProductName: 'vFirewall', instantiatedVnfInfo: { vnfState: 'STARTED' } },
      { id: 'v11', vnfProductName: 'vLB', metadata: { zone: 'z3' } },
    ],
  },
];

/**
 * The documents as JSON text, ready for INSERT. A JS number cannot hold
 * 12345678901234567890123 exactly, so it is spliced in as text.
 */
export const NS_DOCUMENTS_JSON: readonly string[] = NS_DOCUMENTS.map((d) =>
  JSON.stringify(d).replace(JSON.stringify(BIG_INTEGER), '12345678901234567890123'),
);
