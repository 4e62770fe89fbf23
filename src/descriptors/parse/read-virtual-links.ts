import type { ConnectivityType, VirtualLink } from '../model';
import { checkKeys } from './check-keys';
import { compact } from './compact';
import { readObject, readObjects, readStrings } from './read-collections';
import { report, type Obj, type ReadContext } from './read-context';
import { readEnum, readString } from './read-fields';
import { readBandwidthMbps } from './size-units';

const CONNECTIVITY: readonly ConnectivityType[] = ['E-Line', 'E-LAN', 'E-Tree'];
const KNOWN = ['id', 'connectivity_type', 'connection_points_reference', 'access', 'external_access', 'root_requirement', 'leaf_requirement', 'dhcp', 'cidr', 'qos_requirements'];
const IGNORED = { qos: 'named QoS policies are not applied; 5GTANGO qos_requirements.minimum_bandwidth (or the nfvo format) gives the link a bandwidth' };
const EXTERNAL_REF = ['vl_group', 'vl_name', 'vl_version'];

/** 5GTANGO QoS: the guaranteed bandwidth is what the link must carry; limits and DSCP are not applied. */
function readQos(ctx: ReadContext, vl: Obj): VirtualLink['qos'] {
  const q = readObject(ctx, vl, 'qos_requirements');
  if (!q) return undefined;
  checkKeys(ctx, q, { known: ['minimum_bandwidth'], ignored: { bandwidth_limit: 'bandwidth limits are not enforced', dscp_marking: 'DSCP marking is not applied' }, others: 'warning' });
  const bandwidthMbps = readBandwidthMbps(ctx, q, 'minimum_bandwidth');
  return bandwidthMbps === undefined ? undefined : { bandwidthMbps };
}

/** The virtual links of a service or of a function (same shape in SONATA, 5GTANGO and Pishahang). */
export function readVirtualLinks(ctx: ReadContext, root: Obj): VirtualLink[] {
  return readObjects(ctx, root, 'virtual_links').flatMap((vl) => {
    if (vl.value.id === undefined && EXTERNAL_REF.some((k) => Object.hasOwn(vl.value, k))) {
      report(ctx, 'syntax.unsupported-feature', vl.ptr, 'References to external virtual link descriptors (vl_group/vl_name/vl_version) are not supported; describe the link inline with id, connectivity_type and connection_points_reference');
      return [];
    }
    checkKeys(ctx, vl, { known: KNOWN, ignored: IGNORED, others: 'warning' });
    const id = readString(ctx, vl, 'id', { required: true });
    const connectivityType = readEnum(ctx, vl, 'connectivity_type', CONNECTIVITY, { required: true });
    const connectionPointRefs = readStrings(ctx, vl, 'connection_points_reference', { required: true });
    const qos = readQos(ctx, vl);
    if (id === undefined || connectivityType === undefined) return [];
    return [compact({ id, connectivityType, connectionPointRefs, qos, source: { file: ctx.file, pointer: vl.ptr } })];
  });
}
