import fc from 'fast-check';
import { parseDocument } from 'yaml';

/**
 * Random edits of a descriptor's text for the conformance fuzzing: structural ones go through the
 * YAML Document (so comments, order and the other lines stay as the authors wrote them), textual
 * ones cut into the bytes. Each mutation is a pure `text -> text`; one that does not apply (no
 * forwarding path to swap hops in, text that no longer parses) returns the text unchanged.
 */
export type Mutation = { name: string; apply: (text: string) => string };

type Path = Array<string | number>;

/** Paths to every value of the data, without recursion (deep documents must not blow the stack). */
function pathsOf(data: unknown): Path[] {
  const out: Path[] = [];
  const stack: Array<[unknown, Path]> = [[data, []]];
  while (stack.length > 0 && out.length < 20000) {
    const [value, path] = stack.pop()!;
    out.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, [...path, i]]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) stack.push([v, [...path, k]]);
  }
  return out.sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
}

const valueAt = (data: unknown, path: Path): unknown => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), data);
const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';

/** Edits the YAML document of `text` through `edit`; unchanged when the text is not one clean document. */
function viaDocument(text: string, edit: (doc: ReturnType<typeof parseDocument>, data: unknown) => boolean): string {
  const doc = parseDocument(text, { uniqueKeys: false, merge: false });
  if (doc.errors.length > 0 || doc.contents === null) return text;
  try {
    const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
    return edit(doc, data) ? doc.toString({ lineWidth: 0 }) : text;
  } catch {
    // The edit does not apply (a path through an alias an earlier edit inserted, an alias bomb, ...):
    // a limit of this tool, not of the code under test, which sees the text unchanged.
    return text;
  }
}

const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);

/** A JSON value of a different type than `old`. */
const otherType = (old: unknown, n: number): unknown => {
  const candidates: unknown[] = [42, -1, 0.5, 'text', '', true, null, [], ['x'], {}, { k: 1 }];
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  return pick(candidates.filter((c) => kind(c) !== kind(old)), n);
};

const ID_KEY = /^(id|[a-z_]*_id|connection_point_ref|vnf_name|vnf_vendor|vnf_version|service_name)$/;
const REF_LIST = /^(connection_points_reference|constituent_vnfs|constituent_virtual_links|constituent_services)$/;

const deleteKey = fc.nat().map((n): Mutation => ({
  name: `delete#${n}`,
  apply: (text) => viaDocument(text, (doc, data) => {
    const path = pick(pathsOf(data).filter((p) => p.length > 0), n);
    if (!path) return false;
    doc.deleteIn(path);
    return true;
  }),
}));

const changeScalarType = fc.tuple(fc.nat(), fc.nat()).map(([n, m]): Mutation => ({
  name: `retype#${n}/${m}`,
  apply: (text) => viaDocument(text, (doc, data) => {
    const path = pick(pathsOf(data).filter((p) => p.length > 0 && isScalar(valueAt(data, p))), n);
    if (!path) return false;
    doc.setIn(path, otherType(valueAt(data, path), m));
    return true;
  }),
}));

/** An id or reference renamed: to another id of the document (a duplicate), with a suffix (dangling), or to junk. */
const renameId = fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.constant(undefined), fc.string({ maxLength: 12 }))).map(([n, m, junk]): Mutation => ({
  name: `rename#${n}/${m}/${JSON.stringify(junk)}`,
  apply: (text) => viaDocument(text, (doc, data) => {
    const ids = pathsOf(data).filter((p) => {
      const last = p[p.length - 1];
      const parent = p[p.length - 2];
      return typeof valueAt(data, p) === 'string' && ((typeof last === 'string' && ID_KEY.test(last)) || (typeof last === 'number' && typeof parent === 'string' && REF_LIST.test(parent)));
    });
    const path = pick(ids, n);
    if (!path) return false;
    const old = valueAt(data, path) as string;
    const others = ids.map((p) => valueAt(data, p) as string).filter((v) => v !== old);
    const choice = m % 3;
    doc.setIn(path, junk ?? (choice === 0 ? (pick(others, m) ?? `${old}x`) : choice === 1 ? `${old}x` : `x:${old}`));
    return true;
  }),
}));

/** Two hops of one forwarding path trade positions, or one takes the other's (a duplicate position). */
const swapHopPositions = fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean()).map(([n, a, b, copy]): Mutation => ({
  name: `${copy ? 'copy' : 'swap'}-positions#${n}/${a}/${b}`,
  apply: (text) => viaDocument(text, (doc, data) => {
    const paths = pathsOf(data).filter((p) => p.length >= 2 && p[p.length - 2] === 'network_forwarding_paths' && Array.isArray(valueAt(data, [...p, 'connection_points'])));
    const fp = pick(paths, n);
    if (!fp) return false;
    const hops = valueAt(data, [...fp, 'connection_points']) as unknown[];
    if (hops.length < 2) return false;
    const i = a % hops.length;
    const j = (i + 1 + (b % (hops.length - 1))) % hops.length;
    const pi = valueAt(hops, [i, 'position']);
    const pj = valueAt(hops, [j, 'position']);
    doc.setIn([...fp, 'connection_points', i, 'position'], pj);
    if (!copy) doc.setIn([...fp, 'connection_points', j, 'position'], pi);
    return true;
  }),
}));

const duplicateLine = fc.nat().map((n): Mutation => ({
  name: `dup-line#${n}`,
  apply: (text) => {
    const lines = text.split('\n');
    const i = n % lines.length;
    return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n');
  },
}));

const truncate = fc.nat().map((n): Mutation => ({ name: `truncate#${n}`, apply: (text) => text.slice(0, n % (text.length + 1)) }));

const insertChars = fc
  .tuple(fc.nat(), fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('&a ', '*a', '- ', ': ', '{', '[', ']', '"', "'", '\t', '|', '>', '!!str ', '---\n', '\u0000', '#', '\n  ', '<<: ', '~')))
  .map(([n, s]): Mutation => ({ name: `insert#${n}/${JSON.stringify(s)}`, apply: (text) => text.slice(0, n % (text.length + 1)) + s + text.slice(n % (text.length + 1)) }));

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(deleteKey, changeScalarType, renameId, swapHopPositions, duplicateLine, truncate, insertChars);
