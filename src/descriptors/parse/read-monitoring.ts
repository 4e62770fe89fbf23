import type { MonitoringParameter } from '../model';
import { checkKeys } from './check-keys';
import { compact } from './compact';
import { readObjects } from './read-collections';
import type { Obj, ReadContext } from './read-context';
import { readString } from './read-fields';

/**
 * A unit's monitoring parameters, raised to its function as `unitId:name`: that is how SONATA's
 * own monitoring rules refer to them ("vdu01:vm_cpu_perc > 10"), and two units may measure the
 * same metric.
 */
export function readUnitMonitoring(ctx: ReadContext, unit: Obj, unitId: string | undefined): MonitoringParameter[] {
  return readObjects(ctx, unit, 'monitoring_parameters').flatMap((m) => {
    checkKeys(ctx, m, { known: ['name', 'unit', 'frequency', 'frequency_unit', 'command'], others: 'warning' });
    const name = readString(ctx, m, 'name', { required: true });
    const measure = readString(ctx, m, 'unit');
    if (name === undefined || unitId === undefined) return [];
    return [compact({ name: `${unitId}:${name}`, unit: measure, source: { file: ctx.file, pointer: m.ptr } })];
  });
}

/** SONATA service monitoring parameters: `{ desc, metric, unit }`, named by their metric. */
export function readServiceMonitoring(ctx: ReadContext, root: Obj): MonitoringParameter[] {
  return readObjects(ctx, root, 'monitoring_parameters').flatMap((m) => {
    checkKeys(ctx, m, { known: ['desc', 'metric', 'unit'], others: 'warning' });
    const name = readString(ctx, m, 'metric', { required: true });
    const measure = readString(ctx, m, 'unit');
    return name === undefined ? [] : [compact({ name, unit: measure, source: { file: ctx.file, pointer: m.ptr } })];
  });
}
