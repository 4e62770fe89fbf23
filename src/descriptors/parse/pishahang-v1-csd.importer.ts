import type { FunctionDescriptor } from '../model';
import { checkKeys } from './check-keys';
import { SONATA_HEADER_KEYS } from './ignored-sections';
import type { Importer } from './importer';
import { readString } from './read-fields';
import { readHeader } from './read-header';
import { type K8sDialect, readK8sUnit } from './read-k8s-unit';
import { readUnits } from './read-units';

export const PISHAHANG_K8S_VDU_KEYS = ['description', 'id', 'service_image', 'service_name', 'service_type', 'service_ports', 'resource_requirements', 'monitoring_parameters', 'scale_in_out', 'environment'];
const CSD_VDU: K8sDialect = { keys: { known: PISHAHANG_K8S_VDU_KEYS, others: 'warning' }, resourcesRequired: false, integerCpu: true };

/**
 * Pishahang v1 cloud service descriptor (CSD): Kubernetes microservices, each VDU a container unit
 * exposed through a Service of its `service_type`. A CSD has no connection points or links.
 */
export const importPishahangV1Csd: Importer = (ctx, root) => {
  checkKeys(ctx, root, { known: [...SONATA_HEADER_KEYS, 'descriptor_version', 'virtual_deployment_units', 'monitoring_rules'], others: 'error' });
  readString(ctx, root, 'descriptor_version', { required: true });
  const header = readHeader(ctx, root);
  const { units, monitoring } = readUnits(ctx, root, 'virtual_deployment_units', true, (vdu) => readK8sUnit(ctx, vdu, CSD_VDU));
  if (!header) return undefined;
  const fd: FunctionDescriptor = {
    kind: 'function', ...header, sourceFormat: 'pishahang-v1', target: 'kubernetes',
    units, connectionPoints: [], virtualLinks: [], monitoringParameters: monitoring, source: { file: ctx.file, pointer: root.ptr },
  };
  return fd;
};
