import { checkKeys } from './check-keys';
import { IGNORED_SECTIONS, SONATA_HEADER_KEYS } from './ignored-sections';
import type { Importer } from './importer';
import { SONATA_CPS } from './read-connection-points';
import { readString } from './read-fields';
import { readHeader } from './read-header';
import { readServiceBody } from './read-service-body';

export const SONATA_NSD_KEYS = [...SONATA_HEADER_KEYS, 'descriptor_version', 'network_functions', 'network_services', 'connection_points', 'virtual_links', 'forwarding_graphs', 'monitoring_parameters'];

/** SONATA NSD (son-schema service-descriptor): its root allows no other fields. */
export const importSonataService: Importer = (ctx, root) => {
  checkKeys(ctx, root, { known: SONATA_NSD_KEYS, ignored: IGNORED_SECTIONS, others: 'error' });
  readString(ctx, root, 'descriptor_version', { required: true });
  return readServiceBody(ctx, root, readHeader(ctx, root), { format: 'sonata', cps: SONATA_CPS });
};
