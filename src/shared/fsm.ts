/**
 * A finite-state machine as data: `table[state][event]` is the next state. Pure, so the same table
 * drives the domain, documents the standard's transitions, and is checked once when the service starts.
 */
export type TransitionTable<S extends string, E extends string> = Record<S, Partial<Record<E, S>>>;

export class IllegalTransition extends Error {
  constructor(readonly machine: string, readonly from: string, readonly event: string) {
    super(`${machine}: no transition from ${from} on ${event}`);
    this.name = 'IllegalTransition';
  }
}

export interface StateMachine<S extends string, E extends string> {
  name: string;
  table: TransitionTable<S, E>;
  initial: S;
  finals: readonly S[];
  /** The next state, or IllegalTransition. */
  next(from: S, event: E): S;
  can(from: S, event: E): boolean;
}

export function defineMachine<S extends string, E extends string>(name: string, table: TransitionTable<S, E>, initial: S, finals: readonly S[]): StateMachine<S, E> {
  const m: StateMachine<S, E> = {
    name, table, initial, finals,
    can: (from, event) => table[from]?.[event] !== undefined,
    next: (from, event) => {
      const to = table[from]?.[event];
      if (to === undefined) throw new IllegalTransition(name, from, event);
      return to;
    },
  };
  return m;
}

/**
 * What a table must satisfy: every target is a known state, final states have no way out, every state is
 * reachable from the initial one, and every non-final state can still reach a final one (no trap states).
 * Returns the problems found; the service refuses to start when there are any.
 */
export function checkMachine<S extends string, E extends string>(m: StateMachine<S, E>): string[] {
  const states = Object.keys(m.table) as S[];
  const problems: string[] = [];
  const edges = (s: S) => Object.values(m.table[s] ?? {}) as S[];
  for (const s of states) for (const t of edges(s)) if (!states.includes(t)) problems.push(`${m.name}: ${s} leads to unknown state ${t}`);
  for (const f of m.finals) if (edges(f).length) problems.push(`${m.name}: final state ${f} has transitions`);
  const reach = (from: S[]): Set<S> => {
    const seen = new Set<S>(from);
    for (const queue = [...from]; queue.length; ) for (const t of edges(queue.pop()!)) if (!seen.has(t)) { seen.add(t); queue.push(t); }
    return seen;
  };
  const reachable = reach([m.initial]);
  for (const s of states) if (!reachable.has(s)) problems.push(`${m.name}: ${s} is unreachable from ${m.initial}`);
  for (const s of states) if (!m.finals.includes(s) && ![...reach([s])].some((r) => m.finals.includes(r))) problems.push(`${m.name}: ${s} can never reach a final state`);
  return problems;
}
