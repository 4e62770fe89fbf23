import fc from 'fast-check';
import { NfvoError } from '../../shared/nfvo-error';
import type { AttrNode, AttributeCatalogue } from './attribute-catalogue';
import { compileFilter, type CompiledFilter } from './compile-filter';
import { parseFilter } from './parse-filter';
import { openFilterTestDb, type FilterTestDb } from './pg-test-support';
import { NS_CATALOGUE } from './test-catalogue.fixture';

/**
 * Property tests: no input makes parseFilter/compileFilter throw anything but
 * NfvoError('INVALID_FILTER'), and whatever compiles runs on PostgreSQL without error.
 */
const OPTS = { column: 't.doc', firstParam: 1 };

/** parse + compile; undefined when rejected as INVALID_FILTER; rethrows anything else. */
function tryCompile(text: string): CompiledFilter | undefined {
  try {
    return compileFilter(parseFilter(text), NS_CATALOGUE, OPTS);
  } catch (e) {
    if (e instanceof NfvoError && e.code === 'INVALID_FILTER' && typeof e.detail === 'string' && e.detail !== '') {
      return undefined;
    }
    throw e;
  }
}

let db: FilterTestDb | undefined;
beforeAll(async () => {
  db = await openFilterTestDb();
});
afterAll(async () => {
  await db?.drop();
});

async function run(compiled: CompiledFilter, text: string): Promise<number[]> {
  if (!db) return [];
  try {
    const { rows } = await db.client.query<{ id: number }>(
      `SELECT id FROM ${db.table} t WHERE ${compiled.sql} ORDER BY id`,
      compiled.params,
    );
    return rows.map((r) => r.id);
  } catch (e) {
    throw new Error(`PostgreSQL rejected the SQL of filter ${JSON.stringify(text)}: ${(e as Error).message}\n${compiled.sql}`);
  }
}

// ---------- arbitraries ----------

/** Any UTF-16 code unit, so lone surrogates and NUL occur too. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

type Kind = AttrNode['type'] | 'freeForm';
interface CataloguePath {
  path: string[];
  kind: Exclude<Kind, 'object'>;
}

function cataloguePaths(level: AttributeCatalogue, prefix: string[] = []): CataloguePath[] {
  return Object.entries(level).flatMap(([name, node]) => {
    const path = [...prefix, name];
    if (node.type !== 'object') return [{ path, kind: node.type }];
    if (node.freeForm) return [{ path, kind: 'freeForm' as const }];
    return cataloguePaths(node.children ?? {}, path);
  });
}
const PATHS = cataloguePaths(NS_CATALOGUE);
const NAMES = [...new Set(PATHS.flatMap((p) => p.path))];

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
const OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'cont', 'ncont', 'in', 'nin'];

/** Token soup: the punctuation of the grammar, operators, names and odd values. */
const grammarish = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('(', ')', ',', ';', "'", "''", '/') },
      { weight: 3, arbitrary: fc.constantFrom(...OPS, 'EQ', 'like', 'constructor', '__proto__', 'toString') },
      { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
      { weight: 1, arbitrary: identifier },
      {
        weight: 2,
        arbitrary: fc.constantFrom('1', '-2.5', '1e999', 'true', 'false', 'paris', '2024-01-01T00:00:00Z', '%', '_', '\\', ' '),
      },
      { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 3 }) },
    ),
    { maxLength: 40 },
  )
  .map((tokens) => tokens.join(''));

/** Structurally valid terms whose values may or may not fit the attribute type. */
const looseTerm = fc
  .record({
    op: fc.constantFrom(...OPS),
    path: fc.oneof(
      fc.constantFrom(...PATHS.map((p) => p.path)),
      fc.array(fc.oneof(fc.constantFrom(...NAMES), identifier), { minLength: 1, maxLength: 5 }),
    ),
    values: fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('5', 'true', '2024-01-01T00:00:00Z')), {
      minLength: 1,
      maxLength: 3,
    }),
  })
  .map(({ op, path, values }) => `(${op},${path.join('/')},${values.map(quote).join(',')})`);
const looseFilter = fc.array(looseTerm, { minLength: 1, maxLength: 4 }).map((t) => t.join(';'));

function quote(v: string): string {
  return `'${v.replace(/'/g, "''")}'`;
}

/** Quote when the grammar needs it, and sometimes when it does not. */
const renderValue = (v: string, forceQuote: boolean) => (forceQuote || v === '' || /[,);']/.test(v) ? quote(v) : v);

const storable = (s: string) => !s.includes('\u0000');
const textValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 10 }).filter(storable),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('paris', 'pkg-a', 'Firewall', 'eta', 'STARTED', 'INSTANTIATED', 'z1', '%', '_', '\\', "O'Brien, (", '5', 'true'),
);
const numberValue = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.constantFrom('5', '5.0', '007.50', '+3', '-0', '12345678901234567890123', '1e-300', '80'),
);
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const dateTimeValue = fc
  .record({
    y: fc.integer({ min: 1, max: 9999 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    frac: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
    off: fc.oneof(
      fc.constant('Z'),
      fc.record({ sign: fc.constantFrom('+', '-'), oh: fc.integer({ min: 0, max: 14 }), om: fc.integer({ min: 0, max: 59 }) }).map(
        ({ sign, oh, om }) => `${sign}${pad(oh, 2)}:${pad(om, 2)}`,
      ),
    ),
  })
  .map(
    ({ y, mo, d, h, mi, s, frac, off }) =>
      `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac ? `.${frac}` : ''}${off}`,
  );

const OPS_BY_KIND: Record<CataloguePath['kind'], string[]> = {
  string: ['eq', 'neq', 'in', 'nin', 'cont', 'ncont'],
  number: ['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte'],
  boolean: ['eq', 'neq'],
  datetime: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'],
  freeForm: ['eq', 'neq', 'cont', 'ncont', 'gt', 'gte', 'lt', 'lte'],
};
const ORDERING = new Set(['gt', 'gte', 'lt', 'lte']);

/** A term that must compile: type-correct values for a supported path. */
const validTerm = fc
  .record({
    attr: fc.constantFrom(...PATHS),
    keys: fc.array(fc.oneof(fc.constantFrom('site', 'tier', 'load', 'zone', 'weight', 'nested', 'deep', 'key'), identifier), {
      minLength: 1,
      maxLength: 3,
    }),
    opIndex: fc.nat(),
    quoted: fc.boolean(),
    n: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ attr, keys, opIndex, quoted, n }) => {
    const ops = OPS_BY_KIND[attr.kind];
    const op = ops[opIndex % ops.length];
    const path = attr.kind === 'freeForm' ? [...attr.path, ...keys] : attr.path;
    const count = ORDERING.has(op) ? 1 : n;
    const value =
      attr.kind === 'number' || (attr.kind === 'freeForm' && ORDERING.has(op))
        ? numberValue
        : attr.kind === 'datetime'
          ? dateTimeValue
          : attr.kind === 'boolean'
            ? fc.constantFrom('true', 'false')
            : textValue;
    return fc
      .array(value, { minLength: count, maxLength: count })
      .map((values) => ({ op, path, values, text: `(${op},${path.join('/')},${values.map((v) => renderValue(v, quoted)).join(',')})` }));
  });

// ---------- properties ----------

describe('parseFilter + compileFilter: only INVALID_FILTER, and compiled SQL runs', () => {
  const compiledSamples: Array<[string, CompiledFilter]> = [];
  const keep = (text: string, c: CompiledFilter | undefined) => {
    if (c && compiledSamples.length < 1500) compiledSamples.push([text, c]);
  };

  it('arbitrary UTF-16 strings (incl. lone surrogates and NUL)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: codeUnit, maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })), (text) => {
        keep(text, tryCompile(text));
        keep(`(${text})`, tryCompile(`(${text})`));
      }),
      { numRuns: 3000 },
    );
  });

  it('arbitrary strings around the length limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 4000, maxLength: 4200 }), (text) => {
        tryCompile(text);
        tryCompile(`(eq,id,${text})`);
      }),
      { numRuns: 50 },
    );
  });

  it('token soup of ( ) , ; \' / operators and attribute names', () => {
    fc.assert(
      fc.property(grammarish, (text) => keep(text, tryCompile(text))),
      { numRuns: 5000 },
    );
  });

  it('well-formed terms with values of any type', () => {
    fc.assert(
      fc.property(looseFilter, (text) => keep(text, tryCompile(text))),
      { numRuns: 3000 },
    );
    expect(compiledSamples.length).toBeGreaterThan(50);
  });

  it('valid filters with random edits (insert, delete or replace characters)', () => {
    const edit = fc.record({
      at: fc.nat(),
      del: fc.integer({ min: 0, max: 3 }),
      insert: fc.oneof(fc.constantFrom('(', ')', ',', ';', "'", '/', ''), fc.string({ unit: codeUnit, maxLength: 2 })),
    });
    const editedFilter = fc
      .tuple(fc.array(validTerm, { minLength: 1, maxLength: 3 }), fc.array(edit, { minLength: 1, maxLength: 3 }))
      .map(([terms, edits]) =>
        edits.reduce((text, { at, del, insert }) => {
          const i = at % (text.length + 1);
          return text.slice(0, i) + insert + text.slice(i + del);
        }, terms.map((t) => t.text).join(';')),
      );
    fc.assert(
      fc.property(editedFilter, (text) => keep(text, tryCompile(text))),
      { numRuns: 3000 },
    );
  });

  it('every filter that compiled above runs on PostgreSQL', async () => {
    if (!db) return;
    for (const [text, compiled] of compiledSamples) await run(compiled, text);
  });

  it('type-correct filters always compile, run, and neq/ncont are the complement of eq/cont', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validTerm, { minLength: 1, maxLength: 4 }), async (terms) => {
        const text = terms.map((t) => t.text).join(';');
        const compiled = tryCompile(text);
        if (compiled === undefined) throw new Error(`rejected a valid filter: ${text}`);
        if (!db) return;
        const all = await run(compiled, text);
        expect(all.every((id) => id >= 1 && id <= 10)).toBe(true);

        const [first] = terms;
        const negation: Record<string, string> = { eq: 'neq', in: 'nin', cont: 'ncont', neq: 'eq', nin: 'in', ncont: 'cont' };
        const negated = negation[first.op];
        if (negated === undefined) return;
        const body = first.text.slice(first.op.length + 1);
        const a = await run(tryCompile(first.text)!, first.text);
        const b = await run(tryCompile(`(${negated}${body}`)!, `(${negated}${body}`);
        expect([...a, ...b].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      }),
      { numRuns: 300 },
    );
  });
});
