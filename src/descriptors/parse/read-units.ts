import type { MonitoringParameter, Unit } from '../model';
import { readObjects } from './read-collections';
import type { Obj, ReadContext } from './read-context';
import { readUnitMonitoring } from './read-monitoring';

/** A list of deployment units and their monitoring parameters, raised to the function. */
export function readUnits<U extends Unit>(ctx: ReadContext, root: Obj, key: string, required: boolean, read: (unit: Obj) => U | undefined): { units: U[]; monitoring: MonitoringParameter[] } {
  const units: U[] = [];
  const monitoring: MonitoringParameter[] = [];
  for (const o of readObjects(ctx, root, key, { required })) {
    const unit = read(o);
    if (unit) units.push(unit);
    monitoring.push(...readUnitMonitoring(ctx, o, unit?.id));
  }
  return { units, monitoring };
}
