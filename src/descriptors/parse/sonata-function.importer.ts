import type { FunctionDescriptor } from '../model';
import { checkKeys } from './check-keys';
import { IGNORED_SECTIONS, SONATA_HEADER_KEYS } from './ignored-sections';
import type { Importer } from './importer';
import { readFunctionCps, SONATA_CPS } from './read-connection-points';
import { readString } from './read-fields';
import { readHeader } from './read-header';
import { readUnits } from './read-units';
import { readVirtualLinks } from './read-virtual-links';
import { readVmUnit, type VmDialect } from './read-vm-unit';

export const SONATA_VDU: VmDialect = {
  keys: { known: ['description', 'id', 'vm_image', 'vm_image_format', 'vm_image_md5', 'resource_requirements', 'connection_points', 'monitoring_parameters', 'scale_in_out', 'user_data'], others: 'warning' },
  cps: SONATA_CPS,
};
const ROOT_KEYS = [...SONATA_HEADER_KEYS, 'descriptor_version', 'virtual_deployment_units', 'connection_points', 'virtual_links', 'monitoring_rules'];

/**
 * SONATA VNFD (son-schema function-descriptor), which Pishahang v1 reused unchanged for its VM
 * functions: VDUs become VM units on OpenStack. Its root allows no other fields.
 */
export const importSonataFunction: Importer = (ctx, root) => {
  checkKeys(ctx, root, { known: ROOT_KEYS, ignored: IGNORED_SECTIONS, others: 'error' });
  readString(ctx, root, 'descriptor_version', { required: true });
  const header = readHeader(ctx, root);
  const { units, monitoring } = readUnits(ctx, root, 'virtual_deployment_units', true, (vdu) => readVmUnit(ctx, vdu, SONATA_VDU));
  const connectionPoints = readFunctionCps(ctx, root, SONATA_CPS);
  const virtualLinks = readVirtualLinks(ctx, root);
  if (!header) return undefined;
  const fd: FunctionDescriptor = {
    kind: 'function', ...header, sourceFormat: 'sonata', target: 'openstack',
    units, connectionPoints, virtualLinks, monitoringParameters: monitoring, source: { file: ctx.file, pointer: root.ptr },
  };
  return fd;
};
