import type { DescriptorKey, FunctionDescriptor, ServiceDescriptor } from '../../descriptors/model';
import type { TxHandle } from '../../shared/unit-of-work';
import type { OwnerType } from './package-file-store.port';

export interface StoredFunction {
  vnfPkgId: string;
  descriptor: FunctionDescriptor;
}

/** Parsed joint-model descriptors of onboarded packages. */
export interface DescriptorStore {
  add(owner: OwnerType, ownerId: string, d: ServiceDescriptor | FunctionDescriptor, tx: TxHandle): Promise<void>;
  /** Function descriptors of ONBOARDED VNF packages with these keys. */
  onboardedFunctions(keys: DescriptorKey[]): Promise<StoredFunction[]>;
  /** Which of these keys are taken already (by any owner, onboarded or being onboarded). */
  takenKeys(kind: 'service' | 'function', keys: DescriptorKey[]): Promise<Array<DescriptorKey & { ownerId: string }>>;
  forOwner(owner: OwnerType, ownerId: string): Promise<Array<ServiceDescriptor | FunctionDescriptor>>;
  removeAll(owner: OwnerType, ownerId: string, tx: TxHandle): Promise<void>;
}

export const DESCRIPTOR_STORE = Symbol('DESCRIPTOR_STORE');
