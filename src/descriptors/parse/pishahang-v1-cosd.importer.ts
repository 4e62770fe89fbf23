import { checkKeys } from './check-keys';
import { IGNORED_SECTIONS } from './ignored-sections';
import type { Importer } from './importer';
import { SONATA_CPS } from './read-connection-points';
import { readString } from './read-fields';
import { readHeader } from './read-header';
import { readServiceBody } from './read-service-body';
import { SONATA_NSD_KEYS } from './sonata-service.importer';

/**
 * Pishahang v1 complex service descriptor: a SONATA NSD plus `cloud_services`, which name cloud
 * service descriptors (CSDs). Both lists become the service's functions: VNFs and microservices in
 * one graph is exactly what the joint model is for.
 */
export const importPishahangV1Cosd: Importer = (ctx, root) => {
  checkKeys(ctx, root, { known: [...SONATA_NSD_KEYS, 'cloud_services'], ignored: IGNORED_SECTIONS, others: 'error' });
  readString(ctx, root, 'descriptor_version', { required: true });
  return readServiceBody(ctx, root, readHeader(ctx, root), { format: 'pishahang-v1', cps: SONATA_CPS, cloudServices: true });
};
