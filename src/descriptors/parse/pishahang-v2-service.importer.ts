import { checkKeys } from './check-keys';
import { IGNORED_SECTIONS } from './ignored-sections';
import type { Importer } from './importer';
import { SONATA_CPS } from './read-connection-points';
import { readEnum, readString } from './read-fields';
import { readHeader } from './read-header';
import { readServiceBody } from './read-service-body';
import { SONATA_NSD_KEYS } from './sonata-service.importer';

/**
 * Pishahang v2 service: SONATA's NSD with `descriptor_type: service`. Its schema (allOf over a base
 * without additionalProperties) lets other root fields through, so they are only warned about.
 */
export const importPishahangV2Service: Importer = (ctx, root) => {
  checkKeys(ctx, root, { known: [...SONATA_NSD_KEYS, 'descriptor_type'], ignored: IGNORED_SECTIONS, others: 'warning' });
  readEnum(ctx, root, 'descriptor_type', ['service'] as const, { required: true });
  readString(ctx, root, 'descriptor_version', { required: true });
  return readServiceBody(ctx, root, readHeader(ctx, root), { format: 'pishahang-v2', cps: SONATA_CPS });
};
