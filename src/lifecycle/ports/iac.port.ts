import type { ResourceOwner } from './vim.port';

/** A container function's deployment as one infrastructure-as-code stack (the Terraform issue implements it with cdktf). */
export interface StackSpec {
  name: string;
  vimId: string;
  units: Array<{ id: string; image: string; replicas: number; ports: unknown[]; env: Record<string, string>; resources: unknown }>;
  endpoints: Array<{ id: string; port?: number }>;
  /** Configuration injected from dependencies (env name -> value), e.g. BACKEND_URL. */
  inject: Record<string, string>;
}

export interface IacPort {
  /** Applies the stack (idempotent) and returns each endpoint's address, keyed `endpoint:<id>`. */
  ensureStack(owner: ResourceOwner, spec: StackSpec): Promise<Record<string, string>>;
  removeStack(owner: ResourceOwner, vimId: string, name: string): Promise<void>;
}

export const IAC_PORT = Symbol('IAC_PORT');
