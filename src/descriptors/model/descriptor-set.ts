import type { FunctionDescriptor } from './function-descriptor';
import type { ServiceDescriptor } from './service-descriptor';

/** One parsed file of a package: what it declared itself to be, and the model it became. */
export type Descriptor = ServiceDescriptor | FunctionDescriptor;

/**
 * What validation looks at: the service (if any) and every function descriptor available to
 * resolve its references (from the same package, or already onboarded as VNF packages).
 */
export interface DescriptorSet {
  service?: ServiceDescriptor;
  functions: FunctionDescriptor[];
}
