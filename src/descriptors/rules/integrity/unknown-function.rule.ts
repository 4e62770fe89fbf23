import { listOf } from '../describe';
import { defineRule } from '../rule';

/**
 * A forwarding graph's constituent functions are instance ids of the service (SONATA vnf_id).
 * Names that match a descriptor name are left to integrity.reference-by-name; dependencies and
 * placement have their own joint rules, so each mistake is reported once.
 */
export const unknownFunctionRule = defineRule(
  { code: 'integrity.unknown-function', level: 'integrity', severity: 'error', summary: "A forwarding graph's constituent function is not a function id of the service." },
  (set, ctx, report) => {
    for (const fg of set.service?.forwardingGraphs ?? []) {
      for (const id of fg.constituentFunctions) {
        if (ctx.lookupFunction(id)) continue;
        report(fg.source, `forwarding graph '${fg.id}' lists function '${id}', but the service has no function with that id (functions: ${listOf(ctx.functionIds())}); use one of those ids or remove it`);
      }
    }
  },
);
