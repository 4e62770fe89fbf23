import type { FunctionDescriptor, MonitoringParameter } from '../../model';
import { functionText, keyText, listOf } from '../describe';
import { defineRule } from '../rule';
import type { Report, RuleContext } from '../rule';

/** `fn:param` must be a parameter the function declares; `fn:unit:param` a unit it has (the VIM measures units). */
function checkService(m: MonitoringParameter, ctx: RuleContext, report: Report): void {
  const parts = m.from!.split(':');
  const found = ctx.lookupFunction(parts[0]);
  const where = `monitoring parameter '${m.name}' is derived from '${m.from}'`;
  if (parts.length < 2 || parts.some((p) => p === '')) return report(m.source, `${where}; write 'functionId:parameter' or 'functionId:unitId:parameter'`);
  if (!found) return report(m.source, `${where}, but the service has no function '${parts[0]}' (functions: ${listOf(ctx.functionIds())}); use one of those ids`);
  const fd = ctx.descriptorOf(found.fn);
  if (!fd) return;
  if (parts.length === 2) {
    const names = fd.monitoringParameters.map((p) => p.name);
    if (!names.includes(parts[1])) report(m.source, `${where}, but ${functionText(found.fn)} declares monitoring parameters ${listOf(names)}; use one of those, or name a unit as 'functionId:unitId:parameter'`);
  } else {
    checkUnit(fd, parts[1], where, ctx, m, report);
  }
}

function checkUnit(fd: FunctionDescriptor, unitId: string, where: string, ctx: RuleContext, m: MonitoringParameter, report: Report): void {
  const units = ctx.wiring(fd).units;
  if (!units.has(unitId)) report(m.source, `${where}, but ${keyText(fd.key)} has no unit '${unitId}' (units: ${listOf(units.keys())}); use one of those ids`);
}

/**
 * Where a monitoring parameter comes from must exist, or the metric silently stays empty. A
 * warning, not an error: the service still deploys and runs without that metric.
 */
export const unknownMonitoringSourceRule = defineRule(
  { code: 'integrity.unknown-monitoring-source', level: 'integrity', severity: 'warning', summary: "A monitoring parameter's `from` names a function, unit or parameter that does not exist." },
  (set, ctx, report) => {
    for (const m of set.service?.monitoringParameters ?? []) if (m.from !== undefined) checkService(m, ctx, report);
    for (const fd of set.functions) {
      for (const m of fd.monitoringParameters) {
        if (m.from === undefined) continue;
        const colon = m.from.indexOf(':');
        const where = `monitoring parameter '${m.name}' of ${keyText(fd.key)} is derived from '${m.from}'`;
        if (colon <= 0) report(m.source, `${where}; write 'unitId:parameter'`);
        else checkUnit(fd, m.from.slice(0, colon), where, ctx, m, report);
      }
    }
  },
);
