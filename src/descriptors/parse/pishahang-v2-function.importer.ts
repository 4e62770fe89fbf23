import type { FunctionDescriptor, TargetDomain, Unit } from '../model';
import { pointerJoin } from '../model';
import { checkKeys } from './check-keys';
import { IGNORED_SECTIONS, SONATA_HEADER_KEYS } from './ignored-sections';
import type { Importer } from './importer';
import { PISHAHANG_K8S_VDU_KEYS } from './pishahang-v1-csd.importer';
import { readFunctionCps, SONATA_CPS } from './read-connection-points';
import { report, type Obj, type ReadContext } from './read-context';
import { readEnum, readString } from './read-fields';
import { readHeader } from './read-header';
import { readK8sUnit } from './read-k8s-unit';
import { readUnits } from './read-units';
import { readVirtualLinks } from './read-virtual-links';
import { readVmUnit } from './read-vm-unit';
import { SONATA_VDU } from './sonata-function.importer';

const ROOT_KEYS = [...SONATA_HEADER_KEYS, 'descriptor_type', 'descriptor_flavor', 'descriptor_version', 'virtual_deployment_units', 'connection_points', 'virtual_links', 'monitoring_rules'];
const TARGETS: Readonly<Record<string, TargetDomain>> = { openstack: 'openstack', kubernetes: 'kubernetes' };

/** `descriptor_flavor` names the VIM; an unknown or unsupported one (aws) cannot be deployed. */
function readTarget(ctx: ReadContext, root: Obj): TargetDomain | undefined {
  const flavor = readString(ctx, root, 'descriptor_flavor', { required: true });
  if (flavor === undefined) return undefined;
  if (Object.hasOwn(TARGETS, flavor)) return TARGETS[flavor];
  const why = flavor === 'aws' ? 'AWS (EC2 AMIs) is not a platform this orchestrator deploys to' : 'it is not a Pishahang flavor this orchestrator knows';
  return void report(ctx, 'syntax.unsupported-target', pointerJoin(root.ptr, 'descriptor_flavor'), `descriptor_flavor "${flavor}" cannot be deployed: ${why}; use openstack (VM units) or kubernetes (container units)`);
}

/** Pishahang v2 function: `descriptor_flavor` openstack has VM VDUs, kubernetes container VDUs. */
export const importPishahangV2Function: Importer = (ctx, root) => {
  checkKeys(ctx, root, { known: ROOT_KEYS, ignored: IGNORED_SECTIONS, others: 'warning' });
  readEnum(ctx, root, 'descriptor_type', ['function'] as const, { required: true });
  readString(ctx, root, 'descriptor_version', { required: true });
  const header = readHeader(ctx, root);
  const target = readTarget(ctx, root);
  if (target === undefined) return undefined;
  const read = target === 'openstack'
    ? (vdu: Obj): Unit | undefined => readVmUnit(ctx, vdu, SONATA_VDU)
    : (vdu: Obj): Unit | undefined => readK8sUnit(ctx, vdu, { keys: { known: PISHAHANG_K8S_VDU_KEYS, others: 'warning' }, resourcesRequired: true, integerCpu: false });
  const { units, monitoring } = readUnits(ctx, root, 'virtual_deployment_units', true, read);
  const connectionPoints = readFunctionCps(ctx, root, SONATA_CPS);
  const virtualLinks = readVirtualLinks(ctx, root);
  if (!header) return undefined;
  const fd: FunctionDescriptor = { kind: 'function', ...header, sourceFormat: 'pishahang-v2', target, units, connectionPoints, virtualLinks, monitoringParameters: monitoring, source: { file: ctx.file, pointer: root.ptr } };
  return fd;
};
