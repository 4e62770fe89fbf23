import type { ForwardingGraph, ForwardingPath, PathHop } from '../model';
import { checkKeys } from './check-keys';
import { compact } from './compact';
import { readObjects, readStrings } from './read-collections';
import { report, type Obj, type ReadContext } from './read-context';
import { readNumber, readString } from './read-fields';

const FG_KEYS = ['fg_id', 'number_of_endpoints', 'number_of_virtual_links', 'constituent_virtual_links', 'constituent_vnfs', 'constituent_services', 'network_forwarding_paths'];
const EXTERNAL_REF = ['fg_group', 'fg_name', 'fg_version'];

/** Hops keep the reference exactly as written (some upstream examples name functions, not ids). */
function readHops(ctx: ReadContext, path: Obj): PathHop[] {
  return readObjects(ctx, path, 'connection_points', { required: true }).flatMap((hop, index) => {
    checkKeys(ctx, hop, { known: ['connection_point_ref', 'position'], others: 'warning' });
    const connectionPointRef = readString(ctx, hop, 'connection_point_ref', { required: true });
    // Position is optional upstream; the list order stands in for it.
    const position = readNumber(ctx, hop, 'position', { integer: true, min: 1 }) ?? (hop.value.position == null ? index + 1 : undefined);
    if (connectionPointRef === undefined || position === undefined) return [];
    return [{ connectionPointRef, position, source: { file: ctx.file, pointer: hop.ptr } }];
  });
}

function readPaths(ctx: ReadContext, fg: Obj): ForwardingPath[] {
  return readObjects(ctx, fg, 'network_forwarding_paths').flatMap((path) => {
    checkKeys(ctx, path, { known: ['fp_id', 'policy', 'connection_points'], others: 'warning' });
    const id = readString(ctx, path, 'fp_id', { required: true });
    const policy = readString(ctx, path, 'policy');
    const hops = readHops(ctx, path);
    return id === undefined ? [] : [compact({ id, policy, hops, source: { file: ctx.file, pointer: path.ptr } })];
  });
}

/**
 * SONATA forwarding graphs. `constituent_services` are nested services in SONATA and 5GTANGO
 * (refused where `network_services` is read) but cloud services in Pishahang's COSD, which the
 * joint model treats as functions.
 */
export function readForwardingGraphs(ctx: ReadContext, root: Obj, servicesAreFunctions: boolean): ForwardingGraph[] {
  return readObjects(ctx, root, 'forwarding_graphs').flatMap((fg) => {
    if (fg.value.fg_id === undefined && EXTERNAL_REF.some((k) => Object.hasOwn(fg.value, k))) {
      report(ctx, 'syntax.unsupported-feature', fg.ptr, 'References to external forwarding graph descriptors (fg_group/fg_name/fg_version) are not supported; describe the graph inline with fg_id and network_forwarding_paths');
      return [];
    }
    checkKeys(ctx, fg, { known: FG_KEYS, others: 'warning' });
    const id = readString(ctx, fg, 'fg_id', { required: true });
    const functions = readStrings(ctx, fg, 'constituent_vnfs');
    const services = servicesAreFunctions ? readStrings(ctx, fg, 'constituent_services') : [];
    const constituentVirtualLinks = readStrings(ctx, fg, 'constituent_virtual_links');
    const paths = readPaths(ctx, fg);
    if (id === undefined) return [];
    return [{ id, constituentFunctions: [...functions, ...services], constituentVirtualLinks, paths, source: { file: ctx.file, pointer: fg.ptr } }];
  });
}
