import type { DescriptorSet, ForwardingPath, PathHop } from '../../model';
import type { CpResolution } from '../../validate/cp-resolution';
import type { RuleContext } from '../rule';

/** One hop of a path in position order, with what its reference resolved to. */
export interface Step {
  hop: PathHop;
  r: CpResolution;
}

export function* pathsOf(set: DescriptorSet): Generator<ForwardingPath> {
  for (const fg of set.service?.forwardingGraphs ?? []) yield* fg.paths;
}

export const stepsOf = (path: ForwardingPath, ctx: RuleContext): Step[] =>
  ctx.hopsOf(path).map((hop) => ({ hop, r: ctx.resolveCp(hop.connectionPointRef) }));

/** The function instance a step lands on, if it resolved to a function's connection point. */
export const functionOf = (s: Step): string | undefined => (s.r.kind === 'function-cp' ? s.r.fn.id : undefined);

/** `'fw:in' (position 3)`: how messages point at a hop. */
export const hopText = (s: Step): string => `'${s.hop.connectionPointRef}' (position ${s.hop.position})`;
