import { keyToString, sameKey } from '../descriptors/model';
import type { FunctionDescriptor, ServiceDescriptor, Unit } from '../descriptors/model';
import { NfvoError } from '../shared/nfvo-error';
import type { FunctionDemand } from './placement.model';

/** Instances of one unit per function instance: its scaling's initial size, else its replicas, else 1. */
const unitInstances = (u: Unit): number => u.scaling?.initial ?? (u.kind === 'container' ? u.replicas : 1);

/**
 * The initial resources of every function of the service. Placement puts a whole function on one
 * VIM, so its demand is the sum over units of resources x instances; containers count CPU cores
 * as vCPUs (both are what the VIM's quota counts).
 */
export function demandsOf(service: ServiceDescriptor, functionDescriptors: readonly FunctionDescriptor[]): FunctionDemand[] {
  return service.functions.map((ref) => {
    const fd = functionDescriptors.find((d) => sameKey(d.key, ref.descriptor));
    if (!fd) throw new NfvoError('UNPROCESSABLE', `function '${ref.id}' references ${keyToString(ref.descriptor)}, which is not available`);
    const copies = ref.scaling?.initial ?? fd.scaling?.initial ?? 1;
    const demand: FunctionDemand = { functionId: ref.id, target: fd.target, vcpus: 0, memoryMiB: 0, storageGiB: 0, instances: 0 };
    for (const u of fd.units) {
      const n = copies * unitInstances(u);
      demand.instances += n;
      demand.memoryMiB += n * (u.resources.memoryMiB ?? 0);
      if (u.kind === 'vm') {
        demand.vcpus += n * u.resources.vcpus;
        demand.storageGiB += n * (u.resources.storageGiB ?? 0);
      } else {
        demand.vcpus += n * (u.resources.cpu ?? 0);
      }
    }
    return demand;
  });
}
