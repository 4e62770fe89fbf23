import type { SourceFormat } from '../model';
import { isRecord } from './read-context';

export interface FormatDetection {
  format: SourceFormat;
  kind: 'service' | 'function';
}

const has = (doc: Record<string, unknown>, key: string): boolean => doc[key] !== undefined && doc[key] !== null;
const TANGO_SCHEMA = /(^|\/)(service|function)-descriptor\/(nsd|vnfd)-schema\.ya?ml$/;

/** 5GTANGO names its schema in every document; other tng-schema documents are not NSDs/VNFDs. */
function detectTango(doc: Record<string, unknown>): FormatDetection | undefined {
  const schema = typeof doc.descriptor_schema === 'string' ? doc.descriptor_schema.trim() : '';
  const named = TANGO_SCHEMA.exec(schema);
  if (named) return { format: '5gtango', kind: named[3] === 'nsd' ? 'service' : 'function' };
  if (schema.includes('tng-schema') || !has(doc, 'descriptor_schema')) return undefined;
  // descriptor_schema may be any URL or local path: fall back on what the document holds.
  if (['virtual_deployment_units', 'cloudnative_deployment_units', 'physical_deployment_units'].some((k) => has(doc, k))) return { format: '5gtango', kind: 'function' };
  if (['network_functions', 'network_services'].some((k) => has(doc, k))) return { format: '5gtango', kind: 'service' };
  return undefined;
}

/** SONATA and Pishahang v1 share `descriptor_version`; Pishahang added cloud services to it. */
function detectSonataFamily(doc: Record<string, unknown>): FormatDetection | undefined {
  if (has(doc, 'package_content') || has(doc, 'entry_service_template')) return undefined; // a package descriptor
  if (has(doc, 'cloud_services')) return { format: 'pishahang-v1', kind: 'service' };
  const vdus = Array.isArray(doc.virtual_deployment_units) ? doc.virtual_deployment_units : [];
  if (vdus.some((vdu) => isRecord(vdu) && has(vdu, 'service_image'))) return { format: 'pishahang-v1', kind: 'function' };
  // The VNFD requires its VDUs; the NSD requires nothing beyond the header (see nsd-simplest).
  if (has(doc, 'virtual_deployment_units')) return { format: 'sonata', kind: 'function' };
  return { format: 'sonata', kind: 'service' };
}

/**
 * Which format and kind a document is. First match wins:
 *
 * | signal                                                      | format       | kind             |
 * |-------------------------------------------------------------|--------------|------------------|
 * | `nfvo_descriptor: service` / `function`                     | nfvo         | as written       |
 * | `descriptor_type` (service/function) or `descriptor_flavor` | pishahang-v2 | type; flavor => function |
 * | `descriptor_schema` ending in service-descriptor/nsd-schema | 5gtango      | service          |
 * | `descriptor_schema` ending in function-descriptor/vnfd-schema | 5gtango    | function         |
 * | other tng-schema URL (package, policy, SLA, slice, test, ref) | -          | (not a descriptor) |
 * | other `descriptor_schema` + units / network_functions       | 5gtango      | function / service |
 * | `cloudnative_deployment_units` (5GTANGO-only concept)        | 5gtango      | function         |
 * | `descriptor_version` + package_content/entry_service_template | -          | (package descriptor) |
 * | `descriptor_version` + `cloud_services`                     | pishahang-v1 | service (COSD)   |
 * | `descriptor_version` + a VDU with `service_image`           | pishahang-v1 | function (CSD)   |
 * | `descriptor_version` + `virtual_deployment_units`           | sonata       | function         |
 * | `descriptor_version` otherwise                              | sonata       | service          |
 *
 * Pishahang v1 VNFDs and NSDs without cloud services are SONATA's schemas unchanged, so they read
 * as `sonata`.
 */
export function detectFormat(doc: unknown): FormatDetection | undefined {
  if (!isRecord(doc)) return undefined;
  if (has(doc, 'nfvo_descriptor')) {
    const kind = doc.nfvo_descriptor;
    return kind === 'service' || kind === 'function' ? { format: 'nfvo', kind } : undefined;
  }
  if (has(doc, 'descriptor_type') || has(doc, 'descriptor_flavor')) {
    const type = doc.descriptor_type ?? 'function';
    return type === 'service' || type === 'function' ? { format: 'pishahang-v2', kind: type } : undefined;
  }
  if (has(doc, 'descriptor_schema')) return detectTango(doc);
  if (has(doc, 'cloudnative_deployment_units')) return { format: '5gtango', kind: 'function' };
  if (has(doc, 'descriptor_version')) return detectSonataFamily(doc);
  return undefined;
}
