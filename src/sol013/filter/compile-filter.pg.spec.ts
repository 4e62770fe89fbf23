import { compileFilter } from './compile-filter';
import { parseFilter } from './parse-filter';
import { openFilterTestDb, type FilterTestDb } from './pg-test-support';
import { NS_CATALOGUE } from './test-catalogue.fixture';

/**
 * Runs compiled SOL013 cl. 5.2 filters against a real PostgreSQL and checks the exact
 * ids returned. Expectations were worked out by hand from test-documents.fixture.ts
 * (see the comments there), not by re-implementing the compiler.
 */
let db: FilterTestDb | undefined;

beforeAll(async () => {
  db = await openFilterTestDb();
});

afterAll(async () => {
  await db?.drop();
});

async function ids(filter: string): Promise<number[]> {
  if (!db) throw new Error('no database');
  // A leading parameter of our own checks that firstParam composes with other placeholders.
  const { sql, params } = compileFilter(parseFilter(filter), NS_CATALOGUE, { column: 't.doc', firstParam: 2 });
  const { rows } = await db.client.query<{ id: number }>(
    `SELECT id FROM ${db.table} t WHERE t.id <= $1 AND ${sql} ORDER BY id`,
    [1000, ...params],
  );
  return rows.map((r) => r.id);
}

const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const not = (...excluded: number[]) => ALL.filter((id) => !excluded.includes(id));

const CASES: Array<[string, number[]]> = [
  // eq / neq on strings, value lists, the in / nin aliases
  ['(eq,nsState,INSTANTIATED)', [1, 3, 4, 6, 8]],
  ['(eq,nsState,INSTANTIATED,NOT_INSTANTIATED)', [1, 2, 3, 4, 6, 8, 10]],
  ['(in,nsState,INSTANTIATED)', [1, 3, 4, 6, 8]],
  ['(neq,nsState,INSTANTIATED)', [2, 5, 7, 9, 10]], // records without nsState match neq
  ['(nin,nsState,INSTANTIATED,NOT_INSTANTIATED)', [5, 7, 9]],
  ['(eq,id,ns-1,ns-10)', [1, 10]],
  ["(eq,nsInstanceName,'O''Brien, (test)')", [4]],
  ['(eq,_links/self/href,http://nfvo/ns/1)', [1]],
  // arrays of strings: any element
  ['(eq,vnfPkgIds,pkg-a)', [1, 7]],
  ['(eq,vnfPkgIds,pkg-a,pkg-c)', [1, 2, 7, 10]],
  ['(neq,vnfPkgIds,pkg-a)', not(1, 7)],
  // arrays of objects, nested: any element
  ['(eq,vnfInstance/vnfProductName,vRouter)', [1, 8]],
  ['(eq,vnfInstance/instantiatedVnfInfo/vnfState,STOPPED)', [1, 8]],
  ['(eq,vnfInstance/instantiatedVnfInfo/scaleStatus/aspectId,as2)', [1, 6]],
  ['(eq,vnfInstance/instantiatedVnfInfo/scaleStatus/scaleLevel,3)', [1]], // doc 6 stores "3" (a string)
  // numbers: 5 = 5.0, digits kept exactly, wrong JSON type never matches
  ['(eq,priority,5)', [1, 3]],
  ['(eq,priority,5.00,100)', [1, 3, 10]],
  ['(eq,priority,12345678901234567890123)', [7]],
  ['(neq,priority,5)', not(1, 3)],
  ['(gt,priority,5)', [2, 7, 10]],
  ['(gte,priority,5)', [1, 2, 3, 7, 10]],
  ['(lt,priority,0)', [4]],
  ['(lte,priority,0)', [4, 9]],
  ['(lt,priority,-2.5)', []],
  ['(lte,priority,-25e-1)', [4]],
  ['(gt,vnfInstance/instantiatedVnfInfo/scaleStatus/scaleLevel,5)', [3]],
  ['(lt,vnfInstance/instantiatedVnfInfo/scaleStatus/scaleLevel,1)', [8]],
  // booleans
  ['(eq,enabled,true)', [1, 4]],
  ['(eq,enabled,false)', [2, 8]],
  ['(neq,enabled,true)', not(1, 4)],
  // date-times compared as instants; "not a date" and 2024-02-30 never match and never fail
  ['(eq,createdAt,2024-01-01T00:00:00Z)', [1, 8]],
  ['(eq,createdAt,2024-01-01T02:00:00+02:00)', [1, 8]],
  ['(neq,createdAt,2024-01-01T00:00:00Z)', not(1, 8)],
  ['(gt,createdAt,2024-01-01T00:00:00Z)', [2, 4, 9, 10]],
  ['(gte,createdAt,2024-01-01T00:00:00Z)', [1, 2, 4, 8, 9, 10]],
  ['(lt,createdAt,2024-01-01T00:00:00Z)', [3]],
  ['(lte,createdAt,2024-01-01T00:00:00.000001Z)', [1, 3, 8, 9]],
  ['(gt,createdAt,2025-12-31T09:59:59Z)', [10]],
  // cont / ncont: case-sensitive substring, LIKE wildcards taken literally
  ['(cont,nsInstanceName,a)', [1, 2, 3, 6, 7, 8, 9, 10]],
  ['(cont,nsInstanceName,%)', [3]],
  ['(cont,nsInstanceName,_)', [3]],
  ['(cont,nsInstanceName,\\)', [7]],
  ["(cont,nsInstanceName,'O''Brien, (')", [4]],
  ['(cont,nsInstanceName,ALPHA)', []],
  ['(cont,nsInstanceName,zeta,eta)', [2, 8, 9, 10]], // b-eta, z-eta, eta, th-eta
  ['(ncont,nsInstanceName,eta)', [1, 3, 4, 5, 6, 7]],
  ['(cont,vnfInstance/vnfProductName,Firewall)', [1, 3, 10]],
  ['(ncont,vnfInstance/vnfProductName,Firewall)', [2, 4, 5, 6, 7, 8, 9]],
  ['(cont,vnfPkgIds,pkg-)', [1, 2, 7, 10]],
  // free-form userDefinedData / metadata: values as stored
  ['(eq,userDefinedData/site,paris)', [1, 3, 9]], // doc 3 stores an array containing "paris"
  ['(neq,userDefinedData/site,paris)', not(1, 3, 9)],
  ['(eq,userDefinedData/tier,1)', [1, 2]], // 1 and "1"
  ['(eq,userDefinedData/tier,true)', [9]],
  ['(eq,userDefinedData/tier,2.50)', [3]],
  ['(eq,userDefinedData/flags/edge,true)', [1]],
  ['(eq,userDefinedData/nested/deep/key,v)', [7]],
  ['(eq,userDefinedData/list/k,x)', []], // arrays inside free-form data are not traversed on the way
  ['(cont,userDefinedData/list/k,x)', []], // ... by cont either
  ['(gt,userDefinedData/load,79)', [4, 7]], // doc 6 stores "95" (a string)
  ['(lte,userDefinedData/load,80)', [4, 7]],
  ['(cont,userDefinedData/site,ar)', [1, 3, 9]],
  ['(ncont,userDefinedData/site,ar)', not(1, 3, 9)],
  ['(cont,userDefinedData/site,lin)', [3]],
  ['(eq,vnfInstance/metadata/zone,z1)', [1, 6]],
  ['(eq,vnfInstance/metadata/zone,z2,z3)', [6, 8, 10]],
  ['(gte,vnfInstance/metadata/weight,3)', [8]],
  ['(cont,vnfInstance/metadata/zone,z)', [1, 6, 8, 10]],
  // terms are ANDed, and each term is evaluated on its own (doc 1: STARTED is v1, vRouter is v2)
  ['(eq,nsState,INSTANTIATED);(cont,vnfInstance/vnfProductName,Firewall);(gt,priority,0)', [1, 3]],
  ['(eq,vnfInstance/instantiatedVnfInfo/vnfState,STARTED);(eq,vnfInstance/vnfProductName,vRouter)', [1]],
];

describe('compileFilter against PostgreSQL', () => {
  it.each(CASES)('%s → %j', async (filter, expected) => {
    if (!db) return;
    expect(await ids(filter)).toEqual(expected);
  });

  it('uses the jsonb_path_ops GIN index for eq on a nested attribute', async () => {
    if (!db) return;
    const { sql, params } = compileFilter(
      parseFilter('(eq,vnfInstance/instantiatedVnfInfo/vnfState,STOPPED)'),
      NS_CATALOGUE,
      { column: 't.doc', firstParam: 1 },
    );
    await db.client.query('SET enable_seqscan = off');
    try {
      const { rows } = await db.client.query<{ 'QUERY PLAN': unknown }>(
        `EXPLAIN (FORMAT JSON) SELECT id FROM ${db.table} t WHERE ${sql}`,
        params,
      );
      const plan = JSON.stringify(rows[0]['QUERY PLAN']);
      expect(plan).toContain('"Node Type":"Bitmap Index Scan"');
      expect(plan).toContain('"Index Name":"docs_doc_gin"');
    } finally {
      await db.client.query('RESET enable_seqscan');
    }
  });
});
