import { type StateMachine, IllegalTransition, checkMachine, defineMachine } from '../../shared/fsm';
import { NS_STATE } from './ns-state.machine';
import { OP_STATE } from './op-state.machine';

/** Every edge of both tables, written out: a change to a table must change this list too. */
const NS_EDGES = [
  'NOT_INSTANTIATED --INSTANTIATE_COMPLETED--> INSTANTIATED',
  'NOT_INSTANTIATED --DELETE--> DELETED',
  'INSTANTIATED --TERMINATE_COMPLETED--> NOT_INSTANTIATED',
];
const OP_EDGES = [
  'PROCESSING --SUCCEEDED--> COMPLETED',
  'PROCESSING --PARTLY_SUCCEEDED--> PARTIALLY_COMPLETED',
  'PROCESSING --STEP_FAILED--> FAILED_TEMP',
  'PROCESSING --CANCELLED--> FAILED_TEMP',
  'FAILED_TEMP --RETRY--> PROCESSING',
  'FAILED_TEMP --CONTINUE--> PROCESSING',
  'FAILED_TEMP --ROLLBACK--> ROLLING_BACK',
  'FAILED_TEMP --FAIL--> FAILED',
  'ROLLING_BACK --ROLLBACK_DONE--> ROLLED_BACK',
  'ROLLING_BACK --STEP_FAILED--> FAILED_TEMP',
  'ROLLING_BACK --CANCELLED--> FAILED_TEMP',
];

function edgesOf<S extends string, E extends string>(m: StateMachine<S, E>): string[] {
  return Object.entries(m.table).flatMap(([from, row]) => Object.entries(row as object).map(([event, to]) => `${from} --${event}--> ${to}`));
}

describe.each([
  ['nsState', NS_STATE as StateMachine<string, string>, NS_EDGES],
  ['operationState', OP_STATE as StateMachine<string, string>, OP_EDGES],
])('%s transition table', (_name, m, edges) => {
  it('has exactly the standard\'s edges', () => {
    expect(edgesOf(m).sort()).toEqual([...edges].sort());
  });

  it.each(edges)('%s', (edge) => {
    const [, from, event, to] = /^(\w+) --(\w+)--> (\w+)$/.exec(edge)!;
    expect(m.next(from, event)).toBe(to);
  });

  it('refuses every other (state, event) pair', () => {
    const events = [...new Set(edges.map((e) => /--(\w+)-->/.exec(e)![1]))];
    for (const from of Object.keys(m.table)) {
      for (const event of events) {
        if (edges.some((e) => e.startsWith(`${from} --${event}-->`))) continue;
        expect(() => m.next(from, event)).toThrow(IllegalTransition);
        expect(m.can(from, event)).toBe(false);
      }
    }
  });

  it('passes the start-up check', () => {
    expect(checkMachine(m)).toEqual([]);
  });
});

describe('checkMachine', () => {
  it('names unknown targets, exits from final states, unreachable and trap states', () => {
    const broken = defineMachine<string, string>('broken', { A: { go: 'B', lost: 'Z' }, B: { back: 'A' }, C: { go: 'D' }, D: { again: 'A' } }, 'A', ['D']);
    expect(checkMachine(broken)).toEqual([
      'broken: A leads to unknown state Z',
      'broken: final state D has transitions',
      'broken: C is unreachable from A',
      'broken: D is unreachable from A',
      'broken: A can never reach a final state',
      'broken: B can never reach a final state',
    ]);
  });
});
