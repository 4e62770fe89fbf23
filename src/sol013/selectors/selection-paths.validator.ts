import { NfvoError } from '../../shared/nfvo-error';
import type { AttributeCatalogue, AttrNode } from '../filter/attribute-catalogue';
import type { AttributePath, Selection } from './selection.types';

/**
 * Rejects `fields` / `exclude_fields` entries that name no attribute of the resource
 * type: SOL013 cl. 5.3.2 limits valid names to attributes of the expected response, and
 * a typo silently selecting nothing would be a hard-to-see client bug (400, INVALID_SELECTOR).
 *
 * The catalogue is the one the attribute-based filter uses (SOL013 cl. 5.2): a path may
 * cross arrays, and any sub-path of a free-form object (e.g. userDefinedData) is allowed.
 */
export function validateSelectionPaths(selection: Selection, catalogue: AttributeCatalogue): void {
  const [param, paths] = listedPaths(selection);
  if (!param) return;
  const unknown = paths.filter((p) => !isKnownPath(p, catalogue)).map((p) => p.join('/'));
  if (unknown.length) {
    throw new NfvoError(
      'INVALID_SELECTOR',
      `${param} names unknown attribute(s) ${unknown.join(', ')} (SOL013 cl. 5.3.2: only attributes of the returned resource may be selected)`,
    );
  }
}

function listedPaths(selection: Selection): [string | undefined, readonly AttributePath[]] {
  if (selection.kind === 'fields') return ['fields', selection.fields];
  if (selection.kind === 'exclude_fields') return ['exclude_fields', selection.excludeFields];
  return [undefined, []];
}

export function isKnownPath(path: AttributePath, catalogue: AttributeCatalogue): boolean {
  let level: Record<string, AttrNode> | undefined = catalogue;
  for (let i = 0; i < path.length; i++) {
    if (!level || !Object.prototype.hasOwnProperty.call(level, path[i])) return false;
    const node: AttrNode = level[path[i]];
    if (node.freeForm) return true; // arbitrary keys below
    level = node.type === 'object' ? node.children : undefined;
  }
  return path.length > 0;
}
