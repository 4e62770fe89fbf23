import type { VmUnit } from '../model';
import { checkKeys, type KnownKeys } from './check-keys';
import { compact } from './compact';
import { type CpDialect, readUnitCps } from './read-connection-points';
import { readObject } from './read-collections';
import type { Obj, ReadContext } from './read-context';
import { readNumber, readString } from './read-fields';
import { REF_ID } from './read-header';
import { readScaleInOut } from './read-scaling';
import { readVmImage } from './read-vm-image';
import { readSize } from './size-units';

export interface VmDialect { keys: KnownKeys; cps: CpDialect }

const RESOURCE_KEYS: KnownKeys = { known: ['cpu', 'memory', 'storage', 'hypervisor_parameters', 'vswitch_capabilities', 'network', 'pcie'], others: 'warning' };

/** `resource_requirements`: cpu.vcpus, memory (to MiB) and storage (to GiB). */
function readVmResources(ctx: ReadContext, vdu: Obj): VmUnit['resources'] | undefined {
  const rr = readObject(ctx, vdu, 'resource_requirements', { required: true });
  if (!rr) return undefined;
  checkKeys(ctx, rr, RESOURCE_KEYS);
  const cpu = readObject(ctx, rr, 'cpu', { required: true });
  const vcpus = cpu && readNumber(ctx, cpu, 'vcpus', { required: true, integer: true, min: 1 });
  const memoryMiB = readSize(ctx, rr, 'memory', 'MiB', { required: true });
  const storageGiB = readSize(ctx, rr, 'storage', 'GiB');
  if (vcpus === undefined || memoryMiB === undefined) return undefined;
  return compact({ vcpus, memoryMiB, storageGiB });
}

/** A SONATA-style virtual deployment unit (SONATA, 5GTANGO, Pishahang openstack) as a VM unit. */
export function readVmUnit(ctx: ReadContext, vdu: Obj, dialect: VmDialect): VmUnit | undefined {
  checkKeys(ctx, vdu, dialect.keys);
  const id = readString(ctx, vdu, 'id', { required: true, ...REF_ID });
  const image = readVmImage(ctx, vdu);
  const resources = readVmResources(ctx, vdu);
  const connectionPoints = readUnitCps(ctx, vdu, dialect.cps);
  const userData = readString(ctx, vdu, 'user_data');
  const scaling = readScaleInOut(ctx, vdu);
  if (id === undefined || resources === undefined) return undefined;
  return compact({ kind: 'vm' as const, id, image, resources, connectionPoints, userData, scaling, source: { file: ctx.file, pointer: vdu.ptr } });
}
