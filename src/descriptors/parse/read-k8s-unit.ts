import type { ContainerPort, ContainerUnit } from '../model';
import { pointerJoin } from '../model';
import { checkKeys, type KnownKeys } from './check-keys';
import { compact } from './compact';
import { readObject, readObjects } from './read-collections';
import { report, type Obj, type ReadContext } from './read-context';
import { readEnv } from './read-env';
import { readEnum, readNumber, readString } from './read-fields';
import { REF_ID } from './read-header';
import { readScaleInOut } from './read-scaling';
import { readSize } from './size-units';

export interface K8sDialect { keys: KnownKeys; resourcesRequired: boolean; integerCpu: boolean }

const PORT = { integer: true, min: 1, max: 65535 } as const;

/** Pishahang `service_ports`, all exposed through one Kubernetes Service of the unit's `service_type`. */
function readPorts(ctx: ReadContext, vdu: Obj, serviceType: ContainerPort['serviceType']): ContainerPort[] {
  return readObjects(ctx, vdu, 'service_ports', { required: true }).flatMap((p) => {
    checkKeys(ctx, p, { known: ['name', 'protocol', 'port', 'target_port'], others: 'warning' });
    const name = readString(ctx, p, 'name');
    const port = readNumber(ctx, p, 'port', { required: true, ...PORT });
    const targetPort = readNumber(ctx, p, 'target_port', PORT);
    const protocol = readEnum(ctx, p, 'protocol', ['TCP', 'UDP'] as const) ?? 'TCP';
    return port === undefined ? [] : [compact({ name, port, targetPort, protocol, serviceType })];
  });
}

function readServiceType(ctx: ReadContext, vdu: Obj): ContainerPort['serviceType'] {
  const t = readEnum(ctx, vdu, 'service_type', ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const, { required: true });
  if (t !== 'ExternalName') return t;
  return void report(ctx, 'syntax.unsupported-feature', pointerJoin(vdu.ptr, 'service_type'), 'service_type ExternalName only aliases a DNS name and runs nothing; use ClusterIP, NodePort or LoadBalancer');
}

/** A Pishahang cloud-service VDU (v1 CSD, v2 kubernetes flavour) as a container unit. */
export function readK8sUnit(ctx: ReadContext, vdu: Obj, dialect: K8sDialect): ContainerUnit | undefined {
  checkKeys(ctx, vdu, dialect.keys);
  const id = readString(ctx, vdu, 'id', { required: true, ...REF_ID });
  const image = readString(ctx, vdu, 'service_image', { required: true });
  const ports = readPorts(ctx, vdu, readServiceType(ctx, vdu));
  const env = readEnv(ctx, vdu, 'environment');
  const rr = readObject(ctx, vdu, 'resource_requirements', { required: dialect.resourcesRequired });
  if (rr) checkKeys(ctx, rr, { known: ['cpu', 'memory'], others: 'warning' });
  const cpuObj = rr && readObject(ctx, rr, 'cpu', { required: dialect.resourcesRequired });
  const cpu = cpuObj && readNumber(ctx, cpuObj, 'vcpus', { required: true, integer: dialect.integerCpu, min: 0, exclusiveMin: true });
  const memoryMiB = rr && readSize(ctx, rr, 'memory', 'MiB', { required: dialect.resourcesRequired });
  const scaling = readScaleInOut(ctx, vdu, 1);
  if (id === undefined || image === undefined) return undefined;
  const unit: ContainerUnit = { kind: 'container', id, image, ports, env, replicas: scaling?.initial ?? 1, resources: compact({ cpu, memoryMiB }), connectionPoints: [], scaling, source: { file: ctx.file, pointer: vdu.ptr } };
  return compact(unit);
}
