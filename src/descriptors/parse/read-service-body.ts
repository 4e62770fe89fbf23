import type { ServiceDescriptor, SourceFormat } from '../model';
import { pointerJoin } from '../model';
import { type CpDialect, readServiceCps } from './read-connection-points';
import { readList } from './read-collections';
import { report, type Obj, type ReadContext } from './read-context';
import { readForwardingGraphs } from './read-forwarding-graphs';
import { CLOUD_SERVICES, NETWORK_FUNCTIONS, readFunctionRefs, type RefFields } from './read-function-refs';
import type { Header } from './read-header';
import { readServiceMonitoring } from './read-monitoring';
import { readVirtualLinks } from './read-virtual-links';

export interface ServiceDialect {
  format: SourceFormat;
  cps: CpDialect;
  /** Pishahang v1's COSD: `cloud_services` are functions too. */
  cloudServices?: boolean;
  networkFunctions?: RefFields;
}

/** SONATA and 5GTANGO services may nest whole services; the joint model runs functions only. */
function refuseNestedServices(ctx: ReadContext, root: Obj): void {
  const nested = readList(ctx, root, 'network_services');
  if (nested.length > 0) report(ctx, 'syntax.unsupported-feature', pointerJoin(root.ptr, 'network_services'), 'Nested network services (network_services) are not supported; list the inner service\'s functions in this service instead');
}

/** The part every SONATA-family service descriptor shares: functions, points, links, graphs. */
export function readServiceBody(ctx: ReadContext, root: Obj, header: Header | undefined, dialect: ServiceDialect): ServiceDescriptor | undefined {
  if (!dialect.cloudServices) refuseNestedServices(ctx, root);
  const functions = [...readFunctionRefs(ctx, root, dialect.networkFunctions ?? NETWORK_FUNCTIONS), ...(dialect.cloudServices ? readFunctionRefs(ctx, root, CLOUD_SERVICES) : [])];
  const connectionPoints = readServiceCps(ctx, root, dialect.cps);
  const virtualLinks = readVirtualLinks(ctx, root);
  const forwardingGraphs = readForwardingGraphs(ctx, root, dialect.cloudServices ?? false);
  const monitoringParameters = readServiceMonitoring(ctx, root);
  if (!header) return undefined;
  return {
    kind: 'service', ...header, sourceFormat: dialect.format,
    functions, connectionPoints, virtualLinks, forwardingGraphs, monitoringParameters,
    dependencies: [], placement: [], source: { file: ctx.file, pointer: root.ptr },
  };
}
