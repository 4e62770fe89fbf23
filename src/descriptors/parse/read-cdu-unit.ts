import type { ContainerPort, ContainerUnit } from '../model';
import { checkKeys } from './check-keys';
import { compact } from './compact';
import { readUnitCps, TANGO_CPS } from './read-connection-points';
import { readObject, readObjects } from './read-collections';
import type { Obj, ReadContext } from './read-context';
import { readEnv } from './read-env';
import { readNumber, readString } from './read-fields';
import { REF_ID } from './read-header';
import { readSize } from './size-units';

const CDU_KEYS = {
  known: ['description', 'id', 'image', 'snmp_parameters', 'resource_requirements', 'connection_points', 'monitoring_parameters', 'parameters'],
  others: 'warning',
} as const;
const PARAMETER_KEYS = {
  known: ['env'],
  ignored: {
    k8s_deployment: 'raw Kubernetes deployment fields are not passed through; the deployment is generated from the unit',
    k8s_service: 'raw Kubernetes service fields are not passed through; the service is generated from the function\'s connection points',
  },
  others: 'warning',
} as const;
const RESOURCE_KEYS = { known: ['cpu', 'memory', 'network', 'pcie'], ignored: { storage: 'container storage requests are not applied', gpu: 'GPU requests are not applied' }, others: 'warning' } as const;

/** 5GTANGO: a CDU connection point with a `port` is a port the container listens on (TCP). */
function portsOf(ctx: ReadContext, cdu: Obj): ContainerPort[] {
  return readObjects(ctx, cdu, 'connection_points').flatMap((cp) => {
    const port = readNumber(ctx, cp, 'port', { integer: true, min: 1, max: 65535 });
    const name = typeof cp.value.id === 'string' ? cp.value.id : undefined;
    return port === undefined ? [] : [compact({ name, port, protocol: 'TCP' as const })];
  });
}

/** A 5GTANGO cloud-native deployment unit as a container unit (one replica; CDUs do not scale). */
export function readCduUnit(ctx: ReadContext, cdu: Obj): ContainerUnit | undefined {
  checkKeys(ctx, cdu, CDU_KEYS);
  const id = readString(ctx, cdu, 'id', { required: true, ...REF_ID });
  const image = readString(ctx, cdu, 'image', { required: true });
  const connectionPoints = readUnitCps(ctx, cdu, TANGO_CPS);
  const ports = portsOf(ctx, cdu);
  const parameters = readObject(ctx, cdu, 'parameters');
  if (parameters) checkKeys(ctx, parameters, PARAMETER_KEYS);
  const env = parameters ? readEnv(ctx, parameters, 'env') : {};
  const rr = readObject(ctx, cdu, 'resource_requirements');
  if (rr) checkKeys(ctx, rr, RESOURCE_KEYS);
  const cpuObj = rr && readObject(ctx, rr, 'cpu');
  const cpu = cpuObj && readNumber(ctx, cpuObj, 'vcpus', { required: true, integer: true, min: 1 });
  const memoryMiB = rr && readSize(ctx, rr, 'memory', 'MiB');
  if (id === undefined || image === undefined) return undefined;
  return { kind: 'container', id, image, ports, env, replicas: 1, resources: compact({ cpu, memoryMiB }), connectionPoints, source: { file: ctx.file, pointer: cdu.ptr } };
}
