import { NfvoError } from '../../shared/nfvo-error';
import type { AttributePath, Selection, SelectionSpec } from './selection.types';

/**
 * A selection turned into a tree over attribute names. `pick` keeps only the named
 * children, `omit` keeps everything but applies the rules of the named children;
 * `keep` and `drop` end a branch. Paths that cross arrays apply to every element
 * (SOL013 cl. 5.3.2 attribute names address the members of array elements too).
 */
export type SelectionPlan =
  | { readonly op: 'keep' }
  | { readonly op: 'drop' }
  | { readonly op: 'pick'; readonly children: Map<string, SelectionPlan> }
  | { readonly op: 'omit'; readonly children: Map<string, SelectionPlan> };

const KEEP: SelectionPlan = { op: 'keep' };
const DROP: SelectionPlan = { op: 'drop' };

export function buildSelectionPlan(selection: Selection, spec: SelectionSpec): SelectionPlan {
  switch (selection.kind) {
    case 'all_fields':
      return KEEP;
    case 'exclude_default':
      return excludeDefaultPlan(spec.complexAttributes, spec.mandatory);
    case 'fields':
      // SOL013 Table 5.3.2-2: "fields=<list>" keeps all attributes except the complex attributes with
      // lower cardinality 0 not in <list>; with exclude_default, only the default exclude set is dropped.
      // Listed attributes are always added to what the base selection keeps.
      return excludeDefaultPlan(
        selection.excludeDefault ? spec.complexAttributes : spec.optionalComplexAttributes,
        [...spec.mandatory, ...selection.fields],
      );
    case 'exclude_fields':
      assertNotMandatory(selection.excludeFields, spec.mandatory);
      return omitPlan(selection.excludeFields);
  }
}

/** Only these paths (and whatever lies below them). */
export function pickPlan(paths: readonly AttributePath[]): SelectionPlan {
  const root = new Map<string, SelectionPlan>();
  for (const path of paths) {
    let children = root;
    for (let i = 0; i < path.length; i++) {
      const name = path[i];
      if (i === path.length - 1) {
        children.set(name, KEEP); // a shorter path wins over any deeper one already there
        break;
      }
      const next = children.get(name);
      if (next?.op === 'keep') break; // already kept whole
      if (next?.op === 'pick') {
        children = next.children;
        continue;
      }
      const created = new Map<string, SelectionPlan>();
      children.set(name, { op: 'pick', children: created });
      children = created;
    }
  }
  return { op: 'pick', children: root };
}

/** Everything except these paths. */
function omitPlan(paths: readonly AttributePath[]): SelectionPlan {
  const root = new Map<string, SelectionPlan>();
  for (const path of paths) insertOmit(root, path, DROP);
  return { op: 'omit', children: root };
}

/**
 * Everything except the resource's default exclude set, where `keep` paths (mandatory
 * attributes and those listed in `fields`) survive: a complex attribute under or equal
 * to a kept path stays whole; one with kept paths below it shrinks to those paths
 * (SOL013 Table 5.3.2-2, row "exclude_default and fields=<list>").
 */
function excludeDefaultPlan(complex: readonly AttributePath[], keep: readonly AttributePath[]): SelectionPlan {
  const root = new Map<string, SelectionPlan>();
  // Shorter paths first, so a dropped parent makes rules for its children unnecessary.
  const ordered = [...complex].sort((a, b) => a.length - b.length);
  for (const c of ordered) {
    if (keep.some((k) => isPrefixOrEqual(k, c))) continue;
    const below = keep.filter((k) => k.length > c.length && isPrefixOrEqual(c, k)).map((k) => k.slice(c.length));
    insertOmit(root, c, below.length ? pickPlan(below) : DROP);
  }
  return { op: 'omit', children: root };
}

function insertOmit(root: Map<string, SelectionPlan>, path: AttributePath, leaf: SelectionPlan): void {
  let children = root;
  for (let i = 0; i < path.length; i++) {
    const name = path[i];
    const next = children.get(name);
    if (i === path.length - 1) {
      // A deeper rule already there is subsumed when the leaf drops or narrows the whole attribute.
      if (!next || next.op === 'omit') children.set(name, leaf);
      return;
    }
    if (next && next.op !== 'omit') return; // parent already dropped or narrowed
    if (next) {
      children = next.children;
      continue;
    }
    const created = new Map<string, SelectionPlan>();
    children.set(name, { op: 'omit', children: created });
    children = created;
  }
}

function isPrefixOrEqual(prefix: AttributePath, path: AttributePath): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => s === path[i]);
}

/**
 * exclude_fields may name only attributes a response can go without (SOL013 cl. 5.3.2:
 * the provisions of "fields" apply, i.e. complex attributes with lower cardinality 0).
 * Removing part of a mandatory attribute counts as removing it.
 */
function assertNotMandatory(excluded: readonly AttributePath[], mandatory: readonly AttributePath[]): void {
  const clashes = excluded.filter((x) => mandatory.some((m) => isPrefixOrEqual(x, m) || isPrefixOrEqual(m, x)));
  if (clashes.length) {
    throw new NfvoError(
      'INVALID_SELECTOR',
      `exclude_fields cannot exclude mandatory attribute(s) ${clashes.map((p) => p.join('/')).join(', ')} (SOL013 cl. 5.3.2)`,
    );
  }
}
