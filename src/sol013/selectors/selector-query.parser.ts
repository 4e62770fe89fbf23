import { NfvoError } from '../../shared/nfvo-error';
import { SELECTOR_PARAMS, type AttributePath, type Selection, type SelectorParam } from './selection.types';

/** An attribute name as SOL013 cl. 5.3.2 uses them in `fields` lists (JSON member names of the data model). */
const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reads the attribute selector parameters (SOL013 cl. 5.3.2) from an Express-style
 * parsed query. A flag present without value arrives as '', a repeated parameter as
 * string[]. Anything that is not one of the combinations of SOL013 Table 5.3.2-2 is
 * a 400 Bad Request (SOL013 cl. 5.3.2), reported as INVALID_SELECTOR.
 */
export function parseSelectors(query: Record<string, unknown>): Selection {
  const given = new Map<SelectorParam, string>();
  for (const name of SELECTOR_PARAMS) {
    if (!Object.prototype.hasOwnProperty.call(query, name)) continue;
    const raw = query[name];
    if (raw === undefined) continue;
    given.set(name, singleValue(name, raw));
  }

  checkCombination([...given.keys()]);

  for (const flag of ['all_fields', 'exclude_default'] as const) {
    const v = given.get(flag);
    // Table 5.3.2-1 defines both as flags: their presence is the whole message.
    if (v !== undefined && v !== '') {
      throw new NfvoError('INVALID_SELECTOR', `${flag} takes no value (got "${v}"); send it as ?${flag} (SOL013 cl. 5.3.2)`);
    }
  }

  if (given.has('all_fields')) return { kind: 'all_fields' };
  if (given.has('fields')) {
    return { kind: 'fields', fields: parsePathList('fields', given.get('fields')!), excludeDefault: given.has('exclude_default') };
  }
  if (given.has('exclude_fields')) {
    return { kind: 'exclude_fields', excludeFields: parsePathList('exclude_fields', given.get('exclude_fields')!) };
  }
  // No selector at all behaves as exclude_default (SOL013 Table 5.3.2-2, first row).
  return { kind: 'exclude_default', implicit: !given.has('exclude_default') };
}

function singleValue(name: SelectorParam, raw: unknown): string {
  if (Array.isArray(raw)) {
    // A repeated selector has no defined meaning in SOL013 cl. 5.3.2; guessing (first? union?) would hide client bugs.
    throw new NfvoError('INVALID_SELECTOR', `${name} appears ${raw.length} times; give it once (SOL013 cl. 5.3.2)`);
  }
  if (typeof raw !== 'string') {
    // e.g. qs turns fields[a]=b into an object: not a SOL013 attribute list.
    throw new NfvoError('INVALID_SELECTOR', `${name} must be a plain query value (SOL013 cl. 5.3.2)`);
  }
  return raw;
}

/** Table 5.3.2-2: each parameter alone, or fields with exclude_default; nothing else. */
function checkCombination(present: SelectorParam[]): void {
  if (present.length <= 1) return;
  const onlyFieldsAndDefault = present.length === 2 && present.includes('fields') && present.includes('exclude_default');
  if (onlyFieldsAndDefault) return;
  throw new NfvoError(
    'INVALID_SELECTOR',
    `${present.join(', ')} cannot be combined; SOL013 Table 5.3.2-2 allows one of all_fields, fields, exclude_fields, exclude_default, or fields together with exclude_default`,
  );
}

/** `a,b/c` → [['a'], ['b','c']] (SOL013 cl. 5.3.2: names separated by ",", nesting by "/"). */
function parsePathList(name: 'fields' | 'exclude_fields', text: string): AttributePath[] {
  if (text === '') {
    throw new NfvoError('INVALID_SELECTOR', `${name} needs a comma-separated list of attribute names, e.g. ${name}=nsdName,_links/self (SOL013 cl. 5.3.2)`);
  }
  const bad: string[] = [];
  const seen = new Set<string>();
  const paths: AttributePath[] = [];
  for (const item of text.split(',')) {
    const segments = item.split('/');
    if (!segments.every((s) => ATTRIBUTE_NAME.test(s))) {
      bad.push(item === '' ? '(empty entry)' : `"${item}"`);
      continue;
    }
    if (seen.has(item)) continue; // a name listed twice selects the same thing once
    seen.add(item);
    paths.push(segments);
  }
  if (bad.length) {
    throw new NfvoError(
      'INVALID_SELECTOR',
      `${name} has invalid attribute name(s) ${bad.join(', ')}: use names like nsdName or _links/self separated by "," (SOL013 cl. 5.3.2)`,
    );
  }
  return paths;
}

/** The query text of a selection, e.g. to carry it into a next-page link. Inverse of parseSelectors. */
export function selectionToQuery(selection: Selection): Record<string, string> {
  const list = (paths: readonly AttributePath[]) => paths.map((p) => p.join('/')).join(',');
  switch (selection.kind) {
    case 'all_fields':
      return { all_fields: '' };
    case 'exclude_default':
      return selection.implicit ? {} : { exclude_default: '' };
    case 'fields':
      return selection.excludeDefault ? { fields: list(selection.fields), exclude_default: '' } : { fields: list(selection.fields) };
    case 'exclude_fields':
      return { exclude_fields: list(selection.excludeFields) };
  }
}
