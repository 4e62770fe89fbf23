import { listOf } from '../describe';
import { defineRule } from '../rule';

/**
 * Both ends of a dependency are function ids of the service: the plan builder orders steps and
 * injects addresses by them. Descriptor names are integrity.reference-by-name's.
 */
export const unknownDependencyTargetRule = defineRule(
  { code: 'joint.unknown-dependency-target', level: 'joint', severity: 'error', summary: 'A dependency\'s `from` or `to` is not a function id of the service.' },
  (set, ctx, report) => {
    for (const dep of set.service?.dependencies ?? []) {
      for (const [end, id] of [['from', dep.from], ['to', dep.to]] as const) {
        if (ctx.lookupFunction(id)) continue;
        report(dep.source, `${dep.type} dependency '${dep.from}' → '${dep.to}' has ${end} '${id}', but the service has no function with that id (functions: ${listOf(ctx.functionIds())}); use one of those ids`);
      }
    }
  },
);
