import type { TrafficClassifier } from '../../descriptors/model';

/**
 * A plan is data: a DAG of steps, each naming what it ensures (its kind and parameters), where (VIM,
 * site), for which function, and which steps must be done first. Parameters may refer to another
 * step's output (`{ $ref: 'stepId#key' }`, e.g. the network id a port goes on), resolved when the
 * step runs, so the plan itself is stored, shown and re-run as it was built.
 */
export type StepKind = 'network' | 'image' | 'flavor' | 'server-group' | 'port' | 'server' | 'stack' | 'wan-tunnel' | 'chain';

export interface Ref { $ref: string }

/**
 * A microservice function inside its cluster's stack step (`params.functions`): units, endpoints,
 * configuration from dependencies outside the stack (`inject`, values may be Refs), and from and after
 * functions of the same stack (`local`, `after`), which the stack resolves and orders itself.
 */
export interface StackFunctionParams {
  functionId: string;
  units: Array<Record<string, unknown> & { id: string; replicas: number }>;
  endpoints: Array<{ id: string; port?: number }>;
  inject: Record<string, unknown>;
  local?: Record<string, { functionId: string; endpoint: string }>;
  after?: string[];
}

/** The functions a step belongs to: its own, or every function of a cluster stack. */
export const functionsOf = (s: PlanStep): string[] =>
  s.functionId ? [s.functionId] : s.kind === 'stack' ? ((s.params.functions as StackFunctionParams[] | undefined) ?? []).map((f) => f.functionId) : [];

export interface PlanStep {
  id: string;
  kind: StepKind;
  vimId?: string;
  siteId?: string;
  functionId?: string;
  /** Literal values and Refs; names are always literal, so undoing a step never needs another's output. */
  params: Record<string, unknown>;
  dependsOn: string[];
  /**
   * A reshape (scale, update) removes this step's resource: going forward runs its undo, rolling back
   * builds it again. Its `dependsOn` are then the removed steps that used it, so removal runs in reverse.
   */
  remove?: true;
  /** A reshape ensures this existing step with new params; rolling back ensures these, its params before. */
  restore?: Record<string, unknown>;
}

/** The paths of an active forwarding graph (absent: not set up) and their classifier when an update replaced the NSD's. */
export type VnffgShape = Record<string, { paths: Record<string, { classifier?: TrafficClassifier }> }>;

export interface Plan {
  steps: PlanStep[];
  /** Per function of the service: the VNF package and descriptor it came from (for the NsInstance view). */
  functions?: Record<string, { vnfPkgId: string; vnfdId: string; vendor: string; name: string; version: string; siteId: string; vimId: string; copies: number }>;
  /** The placement's host anti-affinity groups, so a re-plan at another size keeps its server groups. */
  hostAntiAffinity?: string[][];
  /** The forwarding graphs set up and their paths; absent: every graph and path of the NSD as it describes them. */
  vnffgs?: VnffgShape;
  /** `undo`: the operation removes what these steps made (terminate, scale in); otherwise it ensures them. */
  mode?: 'undo';
}

export const isRef = (v: unknown): v is Ref => typeof v === 'object' && v !== null && typeof (v as Ref).$ref === 'string' && Object.keys(v).length === 1;
export const ref = (stepId: string, key: string): Ref => ({ $ref: `${stepId}#${key}` });

/** Replaces every Ref in `params` (deeply) by the referenced output; a missing one is a bug in the plan. */
export function resolveRefs(params: unknown, outputs: ReadonlyMap<string, Record<string, unknown>>): unknown {
  if (isRef(params)) {
    const [stepId, key] = params.$ref.split('#');
    const value = outputs.get(stepId)?.[key];
    if (value === undefined) throw new Error(`plan reference ${params.$ref} has no value: step ${stepId} has not produced ${key}`);
    return value;
  }
  if (Array.isArray(params)) return params.map((p) => resolveRefs(p, outputs));
  if (params && typeof params === 'object') return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, resolveRefs(v, outputs)]));
  return params;
}

/** Problems of a plan's shape: unknown or duplicate steps, and dependency cycles (a plan must be a DAG). */
export function planProblems(plan: Plan): string[] {
  const ids = new Set<string>();
  const problems: string[] = [];
  for (const s of plan.steps) {
    if (ids.has(s.id)) problems.push(`duplicate step ${s.id}`);
    ids.add(s.id);
  }
  for (const s of plan.steps) for (const d of s.dependsOn) if (!ids.has(d)) problems.push(`step ${s.id} depends on unknown step ${d}`);
  const state = new Map<string, 'visiting' | 'done'>();
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') { problems.push(`dependency cycle: ${[...path, id].join(' -> ')}`); return; }
    state.set(id, 'visiting');
    for (const d of byId.get(id)?.dependsOn ?? []) visit(d, [...path, id]);
    state.set(id, 'done');
  };
  for (const s of plan.steps) visit(s.id, []);
  return problems;
}
