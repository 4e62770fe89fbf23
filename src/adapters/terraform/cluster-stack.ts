import type { StackFunctionSpec } from '../../lifecycle/ports/iac.port';

export type StackFunction = StackFunctionSpec;
export type StackUnit = StackFunctionSpec['units'][number];

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
