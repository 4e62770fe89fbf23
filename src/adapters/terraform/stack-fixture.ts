import { buildInstantiatePlan } from '../../lifecycle/plan/build-instantiate-plan';
import { complexDeployment } from '../../lifecycle/plan/complex-example.fixture';
import type { ClusterStack, StackFunction } from './cluster-stack';

/** The complex example's two microservices as the lifecycle plan hands them over: one stack on site-b's cluster. */
export function complexStack(target: ClusterStack['target']): ClusterStack {
  const input = complexDeployment();
  const stack = buildInstantiatePlan(input).steps.find((s) => s.kind === 'stack')!;
  const functions = structuredClone(stack.params.functions) as StackFunction[];
  return { nsInstanceId: input.nsInstanceId, nsLcmOpOccId: 'a1b2c3d4-0000-4000-8000-000000000000', vimId: '0b7c5e2a-3d4f-4a6b-9c8d-7e6f5a4b3c2d', target, functions };
}

/** Synthesized JSON without cdktf's `//` metadata (version, construct paths), so goldens compare what Terraform reads. */
export function withoutMetadata(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutMetadata);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== '//').map(([k, x]) => [k, withoutMetadata(x)]));
  return v;
}
