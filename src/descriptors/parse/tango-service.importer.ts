import type { PlacementConstraint } from '../model';
import { checkKeys } from './check-keys';
import { IGNORED_SECTIONS, SONATA_HEADER_KEYS } from './ignored-sections';
import type { Importer } from './importer';
import { TANGO_CPS } from './read-connection-points';
import { readObjects, readStrings } from './read-collections';
import { report, type Obj, type ReadContext } from './read-context';
import { readString } from './read-fields';
import { readHeader } from './read-header';
import { readServiceBody } from './read-service-body';

const ROOT_KEYS = [...SONATA_HEADER_KEYS, 'descriptor_schema', 'network_functions', 'network_services', 'connection_points', 'virtual_links', 'forwarding_graphs', 'monitoring_parameters', 'service_platforms', 'testing_tags', 'soft_constraints'];
const FUNCTION_REF_IGNORED = { vnf_flavour: 'deployment flavours are not supported; the function\'s main content is deployed' };

/**
 * 5GTANGO soft constraints name two actors. `affinity` is site affinity in the joint model;
 * `proximity` has no bound to enforce, so it is reported rather than guessed.
 */
function readSoftConstraints(ctx: ReadContext, root: Obj): PlacementConstraint[] {
  return readObjects(ctx, root, 'soft_constraints').flatMap((c): PlacementConstraint[] => {
    const objective = readString(ctx, c, 'objective', { required: true });
    const functions = readStrings(ctx, c, 'involved_actors', { required: true });
    if (objective === 'affinity') return [{ type: 'affinity', functions, scope: 'site', source: { file: ctx.file, pointer: c.ptr } }];
    if (objective !== undefined) report(ctx, 'syntax.ignored-field', c.ptr, `soft constraint "${objective}" is not applied: it has no bound to enforce; use a max-latency placement constraint of the nfvo format`);
    return [];
  });
}

/** 5GTANGO NSD (tng-schema service-descriptor): its root allows no other fields. */
export const importTangoService: Importer = (ctx, root) => {
  checkKeys(ctx, root, { known: ROOT_KEYS, ignored: IGNORED_SECTIONS, others: 'error' });
  readString(ctx, root, 'descriptor_schema', { required: true });
  const networkFunctions = { list: 'network_functions', id: 'vnf_id', vendor: 'vnf_vendor', name: 'vnf_name', version: 'vnf_version', ignored: FUNCTION_REF_IGNORED };
  const service = readServiceBody(ctx, root, readHeader(ctx, root), { format: '5gtango', cps: TANGO_CPS, networkFunctions });
  const placement = readSoftConstraints(ctx, root);
  return service && { ...service, placement };
};
