import type { FunctionDescriptor, MonitoringParameter, Unit } from '../model';
import { pointerJoin } from '../model';
import { checkKeys } from './check-keys';
import { IGNORED_SECTIONS, SONATA_HEADER_KEYS } from './ignored-sections';
import type { Importer } from './importer';
import { readCduUnit } from './read-cdu-unit';
import { readFunctionCps, TANGO_CPS } from './read-connection-points';
import { readList } from './read-collections';
import { report } from './read-context';
import { readString } from './read-fields';
import { readHeader } from './read-header';
import { readUnits } from './read-units';
import { readVirtualLinks } from './read-virtual-links';
import { readVmUnit, type VmDialect } from './read-vm-unit';
import { SONATA_VDU } from './sonata-function.importer';

const ROOT_KEYS = [...SONATA_HEADER_KEYS, 'descriptor_schema', 'virtual_deployment_units', 'cloudnative_deployment_units', 'physical_deployment_units', 'connection_points', 'virtual_links', 'monitoring_rules'];
const TANGO_VDU: VmDialect = {
  keys: {
    known: [...SONATA_VDU.keys.known, 'snmp_parameters'],
    ignored: { vm_flavor: 'predefined flavors are not used; the flavor is chosen from resource_requirements', alternative_images: 'images for other CPU architectures are not used' },
    others: 'warning',
  },
  cps: TANGO_CPS,
};

/**
 * 5GTANGO VNFD (tng-schema function-descriptor): VDUs become VM units, CDUs container units. A VNFD
 * with CDUs only targets Kubernetes. Physical deployment units cannot be deployed by an NFVO.
 */
export const importTangoFunction: Importer = (ctx, root) => {
  checkKeys(ctx, root, { known: ROOT_KEYS, ignored: IGNORED_SECTIONS, others: 'error' });
  readString(ctx, root, 'descriptor_schema', { required: true });
  const header = readHeader(ctx, root);
  const vms = readUnits(ctx, root, 'virtual_deployment_units', false, (vdu) => readVmUnit(ctx, vdu, TANGO_VDU));
  const containers = readUnits(ctx, root, 'cloudnative_deployment_units', false, (cdu) => readCduUnit(ctx, cdu));
  if (readList(ctx, root, 'physical_deployment_units').length > 0) {
    report(ctx, 'syntax.unsupported-feature', pointerJoin(root.ptr, 'physical_deployment_units'), 'Physical deployment units (PNFs) are not supported: this orchestrator deploys VMs and containers only');
  }
  const declared = ['virtual_deployment_units', 'cloudnative_deployment_units', 'physical_deployment_units'].some((k) => root.value[k] != null);
  if (!declared) report(ctx, 'syntax.required', pointerJoin(root.ptr, 'virtual_deployment_units'), 'A 5GTANGO VNFD needs virtual_deployment_units or cloudnative_deployment_units; add the units that make up the function');
  const connectionPoints = readFunctionCps(ctx, root, TANGO_CPS);
  const virtualLinks = readVirtualLinks(ctx, root);
  if (!header) return undefined;
  const units: Unit[] = [...vms.units, ...containers.units];
  const monitoringParameters: MonitoringParameter[] = [...vms.monitoring, ...containers.monitoring];
  const target = root.value.virtual_deployment_units == null && root.value.cloudnative_deployment_units != null ? 'kubernetes' : 'openstack';
  const fd: FunctionDescriptor = { kind: 'function', ...header, sourceFormat: '5gtango', target, units, connectionPoints, virtualLinks, monitoringParameters, source: { file: ctx.file, pointer: root.ptr } };
  return fd;
};
