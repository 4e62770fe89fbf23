import type { ContainerPort, ContainerProbe } from '../../descriptors/model';
import type { ResourceOwner } from './vim.port';

/** A microservice function in its cluster's stack, its injected configuration resolved to text. */
export interface StackFunctionSpec {
  functionId: string;
  units: Array<{ id: string; image: string; replicas: number; ports: ContainerPort[]; env: Record<string, string>; resources: { cpu?: number; memoryMiB?: number }; probes?: { liveness?: ContainerProbe; readiness?: ContainerProbe } }>;
  endpoints: Array<{ id: string; port?: number }>;
  /** Configuration from outside the stack (env name -> value), e.g. a VNF port's address. */
  inject: Record<string, string>;
  /** Configuration from another function of the same stack: the stack resolves its endpoint address. */
  local?: Record<string, { functionId: string; endpoint: string }>;
  /** Functions of the same stack that must run before this one starts (startup dependencies). */
  after?: string[];
}

/** The microservices of one NS instance on one Kubernetes cluster (VIM), deployed as one infrastructure-as-code stack. */
export interface StackSpec {
  name: string;
  vimId: string;
  functions: StackFunctionSpec[];
  /** Heal: functions whose units are to be created anew, not only ensured. */
  replace?: string[];
}

/** What applying the stack again would change: resources changed or deleted behind the NFVO's back. */
export interface StackDrift {
  drifted: boolean;
  resources: Array<{ address: string; action: string }>;
}

/** `signal` aborts on a forceful stop of the operation: a running apply or destroy is stopped. */
export interface IacPort {
  /** Applies the stack (idempotent) and returns each endpoint's address, keyed `endpoint:<functionId>.<endpointId>`. */
  ensureStack(owner: ResourceOwner, spec: StackSpec, signal?: AbortSignal): Promise<Record<string, string>>;
  /** Removes everything the stack deployed, and its state; a stack that is already gone is fine. */
  removeStack(owner: ResourceOwner, vimId: string, name: string, signal?: AbortSignal): Promise<void>;
  /** Compares what runs with the stack (`owner`: the operation that applied it last); changes nothing. */
  checkStack(owner: ResourceOwner, spec: StackSpec): Promise<StackDrift>;
}

export const IAC_PORT = Symbol('IAC_PORT');
