import type { SourceRef } from '../../model';
import { keyText } from '../describe';
import { defineRule } from '../rule';
import type { Report } from '../rule';

/** Reports every item whose id was already used in the same scope, pointing at the later one. */
function duplicates<T extends { source: SourceRef }>(items: readonly T[], idOf: (t: T) => string, what: string, report: Report): void {
  const first = new Map<string, T>();
  for (const item of items) {
    const id = idOf(item);
    const earlier = first.get(id);
    if (!earlier) first.set(id, item);
    else report(item.source, `${what} '${id}' is declared twice (first at ${earlier.source.file}#${earlier.source.pointer}); references could not tell them apart, so give this one another id`);
  }
}

/**
 * Ids are what references resolve against (`fn:cp`, VL ids, path ids, unit ids), so each must be
 * unique in its scope: the service, a function descriptor, or a unit. Two function descriptors
 * with the same vendor/name/version in one package are duplicates too.
 */
export const duplicateIdRule = defineRule(
  { code: 'integrity.duplicate-id', level: 'integrity', severity: 'error', summary: 'An id (function, connection point, virtual link, forwarding graph or path, unit, monitoring parameter, descriptor key) is not unique in its scope.' },
  (set, _ctx, report) => {
    const byId = (t: { id: string }) => t.id;
    duplicates(set.functions, (fd) => keyText(fd.key), 'function descriptor', report);
    const s = set.service;
    if (s) {
      duplicates(s.functions, byId, 'function id', report);
      duplicates(s.connectionPoints, byId, 'service connection point', report);
      duplicates(s.virtualLinks, byId, 'virtual link', report);
      duplicates(s.forwardingGraphs, byId, 'forwarding graph', report);
      duplicates(s.forwardingGraphs.flatMap((fg) => fg.paths), byId, 'forwarding path', report);
      duplicates(s.monitoringParameters, (m) => m.name, 'monitoring parameter', report);
    }
    for (const fd of set.functions) {
      const of = ` of ${keyText(fd.key)}`;
      duplicates(fd.units, byId, `unit${of}`, report);
      duplicates(fd.connectionPoints, byId, `connection point${of}`, report);
      duplicates(fd.virtualLinks, byId, `virtual link${of}`, report);
      duplicates(fd.monitoringParameters, (m) => m.name, `monitoring parameter${of}`, report);
      for (const unit of fd.units) duplicates(unit.connectionPoints, byId, `connection point of unit '${unit.id}'${of}`, report);
    }
  },
);
