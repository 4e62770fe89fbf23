import type { FunctionDescriptor } from '../model';
import { pointerJoin } from '../model';
import { ajvFindings } from './ajv-findings';
import { compact } from './compact';
import type { Importer } from './importer';
import { at, mapMonitoring, mapScaling, mapVirtualLinks } from './nfvo-common.mapper';
import type { NfvoFunction } from './nfvo-document';
import { validateNfvo } from './nfvo-schemas';
import { mapUnit } from './nfvo-units.mapper';

/** A function in this orchestrator's own format: checked against its published JSON Schema first. */
export const importNfvoFunction: Importer = (ctx, root) => {
  const errors = ajvFindings(ctx.file, validateNfvo('function', root.value));
  ctx.findings.push(...errors);
  if (errors.length > 0) return undefined;
  const doc = root.value as unknown as NfvoFunction;
  const fd: FunctionDescriptor = compact({
    kind: 'function' as const, key: { vendor: doc.vendor, name: doc.name, version: doc.version }, sourceFormat: 'nfvo' as const,
    author: doc.author, description: doc.description?.trim(), target: doc.target,
    units: doc.units.map((u, i) => mapUnit(ctx, u, pointerJoin('/units', i))),
    connectionPoints: (doc.connection_points ?? []).map((cp, i) => compact({ id: cp.id, interface: cp.interface, type: cp.type, port: cp.port, source: at(ctx, pointerJoin('/connection_points', i)) })),
    virtualLinks: mapVirtualLinks(ctx, doc.virtual_links, '/virtual_links'),
    monitoringParameters: mapMonitoring(ctx, doc.monitoring_parameters, '/monitoring_parameters'),
    scaling: mapScaling(ctx, doc.scaling, '/scaling'),
    source: at(ctx, root.ptr),
  });
  return fd;
};
