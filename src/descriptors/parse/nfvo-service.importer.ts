import type { Dependency, ForwardingGraph, PlacementConstraint, ServiceDescriptor } from '../model';
import { pointerJoin } from '../model';
import { ajvFindings } from './ajv-findings';
import { compact } from './compact';
import type { Importer } from './importer';
import { at, mapMonitoring, mapScaling, mapVirtualLinks } from './nfvo-common.mapper';
import type { NfvoService } from './nfvo-document';
import { validateNfvo } from './nfvo-schemas';
import type { ReadContext } from './read-context';

function mapGraphs(ctx: ReadContext, doc: NfvoService): ForwardingGraph[] {
  return (doc.forwarding_graphs ?? []).map((fg, g) => {
    const fgPtr = pointerJoin('/forwarding_graphs', g);
    return {
      id: fg.id,
      constituentFunctions: fg.constituent_functions ?? [],
      constituentVirtualLinks: fg.constituent_virtual_links ?? [],
      paths: fg.network_forwarding_paths.map((p, i) => {
        const pPtr = pointerJoin(fgPtr, 'network_forwarding_paths', i);
        const c = p.classifier;
        const classifier = c && compact({ protocol: c.protocol, sourceCidr: c.source_cidr, destinationCidr: c.destination_cidr, destinationPort: c.destination_port });
        const hops = p.connection_points.map((h, j) => ({ connectionPointRef: h.connection_point_ref, position: h.position, source: at(ctx, pointerJoin(pPtr, 'connection_points', j)) }));
        return compact({ id: p.id, policy: p.policy, classifier, hops, source: at(ctx, pPtr) });
      }),
      source: at(ctx, fgPtr),
    };
  });
}

const mapDependencies = (ctx: ReadContext, doc: NfvoService): Dependency[] =>
  (doc.dependencies ?? []).map((d, i) => compact({ from: d.from, to: d.to, type: d.type, endpoint: d.endpoint, inject: d.inject, source: at(ctx, pointerJoin('/dependencies', i)) }));

const mapPlacement = (ctx: ReadContext, doc: NfvoService): PlacementConstraint[] =>
  (doc.placement ?? []).map((p, i): PlacementConstraint => {
    const source = at(ctx, pointerJoin('/placement', i));
    if (p.type === 'allowed-sites') return { type: p.type, functions: p.functions, sites: p.sites, source };
    if (p.type === 'affinity') return { type: p.type, functions: p.functions, scope: 'site', source };
    if (p.type === 'anti-affinity') return { type: p.type, functions: p.functions, scope: p.scope, source };
    return { type: p.type, functions: p.functions, maxLatencyMs: p.max_latency_ms, source };
  });

/** A service in this orchestrator's own format: checked against its published JSON Schema first. */
export const importNfvoService: Importer = (ctx, root) => {
  const errors = ajvFindings(ctx.file, validateNfvo('service', root.value));
  ctx.findings.push(...errors);
  if (errors.length > 0) return undefined;
  const doc = root.value as unknown as NfvoService;
  const service: ServiceDescriptor = compact({
    kind: 'service' as const, key: { vendor: doc.vendor, name: doc.name, version: doc.version }, sourceFormat: 'nfvo' as const,
    author: doc.author, description: doc.description?.trim(),
    functions: doc.functions.map((f, i) => compact({ id: f.id, descriptor: { vendor: f.vendor, name: f.name, version: f.version }, scaling: mapScaling(ctx, f.scaling, pointerJoin('/functions', i, 'scaling')), source: at(ctx, pointerJoin('/functions', i)) })),
    connectionPoints: (doc.connection_points ?? []).map((cp, i) => compact({ id: cp.id, interface: cp.interface, type: cp.type, source: at(ctx, pointerJoin('/connection_points', i)) })),
    virtualLinks: mapVirtualLinks(ctx, doc.virtual_links, '/virtual_links'),
    forwardingGraphs: mapGraphs(ctx, doc),
    monitoringParameters: mapMonitoring(ctx, doc.monitoring_parameters, '/monitoring_parameters'),
    dependencies: mapDependencies(ctx, doc),
    placement: mapPlacement(ctx, doc),
    source: at(ctx, root.ptr),
  });
  return service;
};
