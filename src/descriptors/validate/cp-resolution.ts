import type { FunctionDescriptor, FunctionRef } from '../model';

/**
 * What a service-level connection point reference (`cp` or `functionId:cp`) turned out to name.
 * `byName` marks a function found only through its descriptor NAME (an upstream habit, reported by
 * integrity.reference-by-name); the other rules still follow it so one mistake is reported once.
 */
export type CpResolution =
  | { kind: 'service-cp'; key: string; cpId: string }
  | { kind: 'function-cp'; key: string; fn: FunctionRef; descriptor: FunctionDescriptor; cpId: string; byName: boolean }
  | { kind: 'unknown-service-cp'; cpId: string }
  | { kind: 'unknown-function'; fnPart: string; cpPart: string }
  | { kind: 'unknown-function-cp'; fn: FunctionRef; descriptor: FunctionDescriptor; cpPart: string; byName: boolean }
  | { kind: 'no-descriptor'; fn: FunctionRef; cpPart: string; byName: boolean };

export type ResolvedCp = Extract<CpResolution, { kind: 'service-cp' | 'function-cp' }>;

export const isResolved = (r: CpResolution): r is ResolvedCp => r.kind === 'service-cp' || r.kind === 'function-cp';

/** Node keys of the service graph; NUL cannot occur in YAML-sourced ids, so keys never collide. */
export const serviceCpKey = (cpId: string): string => `s\u0000${cpId}`;
export const functionCpKey = (fnId: string, cpId: string): string => `f\u0000${fnId}\u0000${cpId}`;

/** A function found for an id or, failing that, for a descriptor name. */
export interface FunctionLookup {
  fn: FunctionRef;
  byName: boolean;
  /** Every function instance of that descriptor name (a service may run one descriptor twice). */
  candidates: readonly FunctionRef[];
}

/** Every `fn:cp` split of a reference, first colon first: function ids may themselves contain one. */
function colonSplits(ref: string): Array<[string, string]> {
  const splits: Array<[string, string]> = [];
  for (let i = ref.indexOf(':'); i >= 0; i = ref.indexOf(':', i + 1)) splits.push([ref.slice(0, i), ref.slice(i + 1)]);
  return splits;
}

export interface ResolverLookups {
  isServiceCp(id: string): boolean;
  fnById: ReadonlyMap<string, FunctionRef>;
  fnByName: ReadonlyMap<string, readonly FunctionRef[]>;
  descriptorOf(fn: FunctionRef): FunctionDescriptor | undefined;
  hasCp(fd: FunctionDescriptor, cpId: string): boolean;
}

/**
 * Resolves `cp` (a service CP, checked first so its id may contain `:`) or `fn:cp`, trying ids
 * before descriptor names at every split.
 */
export function cpResolver(l: ResolverLookups): (ref: string) => CpResolution {
  const onFunction = (fn: FunctionRef, cpPart: string, byName: boolean): CpResolution => {
    const descriptor = l.descriptorOf(fn);
    if (!descriptor) return { kind: 'no-descriptor', fn, cpPart, byName };
    if (!l.hasCp(descriptor, cpPart)) return { kind: 'unknown-function-cp', fn, descriptor, cpPart, byName };
    return { kind: 'function-cp', key: functionCpKey(fn.id, cpPart), fn, descriptor, cpId: cpPart, byName };
  };
  return (ref) => {
    if (l.isServiceCp(ref)) return { kind: 'service-cp', key: serviceCpKey(ref), cpId: ref };
    const splits = colonSplits(ref);
    if (splits.length === 0) return { kind: 'unknown-service-cp', cpId: ref };
    for (const [fnPart, cpPart] of splits) {
      const fn = l.fnById.get(fnPart);
      if (fn) return onFunction(fn, cpPart, false);
    }
    for (const [fnPart, cpPart] of splits) {
      const named = l.fnByName.get(fnPart);
      if (named) return onFunction(named[0], cpPart, true);
    }
    return { kind: 'unknown-function', fnPart: splits[0][0], cpPart: splits[0][1] };
  };
}
