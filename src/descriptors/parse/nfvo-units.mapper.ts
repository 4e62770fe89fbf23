import type { ContainerProbe, ContainerUnit, Unit, UnitConnectionPoint, VmUnit } from '../model';
import { pointerJoin } from '../model';
import { compact } from './compact';
import { at, mapScaling } from './nfvo-common.mapper';
import type { NfvoContainerUnit, NfvoProbe, NfvoUnitCp, NfvoVmUnit } from './nfvo-document';
import { report, type ReadContext } from './read-context';

const mapCps = (ctx: ReadContext, cps: NfvoUnitCp[] = [], ptr: string): UnitConnectionPoint[] =>
  cps.map((cp, i) => compact({ id: cp.id, interface: cp.interface, type: cp.type, mac: cp.mac, ip: cp.ip, portSecurity: cp.port_security, source: at(ctx, pointerJoin(ptr, 'connection_points', i)) }));

const mapProbe = (p: NfvoProbe | undefined): ContainerProbe | undefined =>
  p && compact({ httpGet: p.http_get && { path: p.http_get.path, port: p.http_get.port }, tcpSocket: p.tcp_socket && { port: p.tcp_socket.port }, periodSeconds: p.period_seconds });

function mapVm(ctx: ReadContext, u: NfvoVmUnit, ptr: string): VmUnit {
  const image = compact({ name: u.image.name, url: u.image.url, format: u.image.format, checksum: u.image.checksum && { ...u.image.checksum } });
  const resources = compact({ vcpus: u.resources.vcpus, memoryMiB: u.resources.memory_mib, storageGiB: u.resources.storage_gib });
  return compact({ kind: 'vm' as const, id: u.id, image, resources, connectionPoints: mapCps(ctx, u.connection_points, ptr), userData: u.user_data, scaling: mapScaling(ctx, u.scaling, pointerJoin(ptr, 'scaling')), source: at(ctx, ptr) });
}

function mapContainer(ctx: ReadContext, u: NfvoContainerUnit, ptr: string): ContainerUnit {
  const scaling = mapScaling(ctx, u.scaling, pointerJoin(ptr, 'scaling'));
  const replicas = u.replicas ?? scaling?.initial ?? 1;
  if (scaling && (replicas < scaling.min || replicas > scaling.max)) report(ctx, 'syntax.range', pointerJoin(ptr, 'replicas'), `"replicas" is ${replicas}; it must lie between scaling min ${scaling.min} and max ${scaling.max}`);
  const ports = (u.ports ?? []).map((p) => compact({ name: p.name, port: p.port, targetPort: p.target_port, protocol: p.protocol ?? 'TCP', serviceType: p.service_type }));
  const probes = u.probes && compact({ liveness: mapProbe(u.probes.liveness), readiness: mapProbe(u.probes.readiness) });
  return compact({
    kind: 'container' as const, id: u.id, image: u.image, ports, env: Object.fromEntries(Object.entries(u.env ?? {})), replicas,
    resources: compact({ cpu: u.resources?.cpu, memoryMiB: u.resources?.memory_mib }), probes, connectionPoints: mapCps(ctx, u.connection_points, ptr), scaling, source: at(ctx, ptr),
  });
}

export const mapUnit = (ctx: ReadContext, u: NfvoVmUnit | NfvoContainerUnit, ptr: string): Unit => (u.kind === 'vm' ? mapVm(ctx, u, ptr) : mapContainer(ctx, u, ptr));
