import type { NsInstance } from '../domain/ns-instance.model';
import type { Deployment } from '../ports/lcm-run-store.port';

/**
 * VNF instance id -> the service's function id. The VNF instance ids are derived from the function ids
 * (`<ns8>-<function>`, see ns-instance-view), never from names an update may change.
 */
export function vnfFunctions(ns: NsInstance, d: Deployment): Map<string, string> {
  return new Map(Object.keys(d.plan.functions ?? {}).map((fn) => [`${ns.id.slice(0, 8)}-${fn}`, fn]));
}
