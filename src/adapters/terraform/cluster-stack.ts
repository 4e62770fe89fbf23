import type { ContainerPort, ContainerProbe } from '../../descriptors/model';

/** One container unit of a microservice function, as the lifecycle plan gives it. */
export interface StackUnit {
  id: string;
  image: string;
  replicas: number;
  ports: ContainerPort[];
  env: Record<string, string>;
  resources: { cpu?: number; memoryMiB?: number };
  probes?: { liveness?: ContainerProbe; readiness?: ContainerProbe };
}

/** A microservice function: its units, its endpoints (function connection points with a port) and the configuration its dependencies inject. */
export interface StackFunction {
  functionId: string;
  units: StackUnit[];
  endpoints: Array<{ id: string; port?: number }>;
  inject: Record<string, string>;
}

/**
 * What one Terraform stack holds: the microservices of one NS instance on one cluster, in a namespace of
 * their own. `test` emits each unit as Terraform's built-in `terraform_data` with the same inputs and
 * outputs, so init, plan, apply, outputs and destroy run for real where no provider can be installed.
 */
export interface ClusterStack {
  nsInstanceId: string;
  nsLcmOpOccId: string;
  vimId: string;
  target: 'kubernetes' | 'test';
  functions: StackFunction[];
}
