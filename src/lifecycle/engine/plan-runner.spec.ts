import type { Plan, PlanStep } from '../plan/plan.model';
import { type StepExecutor, type StopRequest, runPlan } from './plan-runner';
import type { StepJournal, StepRecord } from './step-journal.port';

class MemoryJournal implements StepJournal {
  readonly records = new Map<string, StepRecord>();
  readonly writes: string[] = [];
  async load() { return new Map(this.records); }
  async write(r: StepRecord) { this.records.set(r.stepId, { ...r }); this.writes.push(`${r.stepId}:${r.state}`); }
  state(id: string) { return this.records.get(id)?.state; }
}

class Transient extends Error { retryable = true; }

/** Records what ran when; `faults` makes a step throw (transiently or not) a number of times. */
class FakeExecutor implements StepExecutor {
  readonly log: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  readonly faults = new Map<string, { times: number; retryable: boolean }>();
  constructor(private readonly delayMs = 5) {}
  async do(step: PlanStep, params: Record<string, unknown>, _signal?: AbortSignal) {
    this.inFlight++; this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((r) => setTimeout(r, this.delayMs));
    this.inFlight--;
    const f = this.faults.get(step.id);
    if (f && f.times > 0) { f.times--; throw f.retryable ? new Transient(`${step.id} flaked`) : new Error(`${step.id} refused`); }
    this.log.push(`do ${step.id}`);
    return { id: `${step.id}-res`, seen: params.input ?? null };
  }
  async undo(step: PlanStep) { this.log.push(`undo ${step.id}`); }
  describe(_s: PlanStep, err: unknown) { return { title: 'failed', detail: (err as Error).message, retryable: err instanceof Transient }; }
}

const step = (id: string, dependsOn: string[] = [], params: Record<string, unknown> = {}): PlanStep => ({ id, kind: 'network', params, dependsOn });
/** a -> (b, c) -> d: b and c may run together. */
const diamond: Plan = { steps: [step('a'), step('b', ['a'], { input: { $ref: 'a#id' } }), step('c', ['a']), step('d', ['b', 'c'])] };
const opts = (stop: () => StopRequest = () => 'none') => ({ concurrency: 4, attempts: 3, backoffMs: 1, stopRequested: stop });

describe('runPlan', () => {
  it('runs steps after their dependencies, independent ones in parallel, passing outputs along', async () => {
    const j = new MemoryJournal();
    const x = new FakeExecutor();
    expect(await runPlan(diamond, j, x, 'forward', opts())).toEqual({ outcome: 'completed', skipped: 0 });
    expect(x.log[0]).toBe('do a');
    expect(x.log[3]).toBe('do d');
    expect(x.maxInFlight).toBe(2);
    expect(j.records.get('b')?.output).toEqual({ id: 'b-res', seen: 'a-res' });
  });

  it('keeps to the concurrency bound', async () => {
    const wide: Plan = { steps: Array.from({ length: 20 }, (_, i) => step(`s${i}`)) };
    const x = new FakeExecutor();
    await runPlan(wide, new MemoryJournal(), x, 'forward', { ...opts(), concurrency: 3 });
    expect(x.maxInFlight).toBe(3);
    expect(x.log).toHaveLength(20);
  });

  it('retries transient failures, and stops launching steps after a final one', async () => {
    const j = new MemoryJournal();
    const x = new FakeExecutor();
    x.faults.set('b', { times: 2, retryable: true });
    expect((await runPlan(diamond, j, x, 'forward', opts())).outcome).toBe('completed');
    expect(j.records.get('b')?.attempts).toBe(3);

    const j2 = new MemoryJournal();
    const x2 = new FakeExecutor();
    x2.faults.set('b', { times: 1, retryable: false });
    const r = await runPlan(diamond, j2, x2, 'forward', opts());
    expect(r).toMatchObject({ outcome: 'failed', step: { id: 'b' }, error: { detail: 'b refused', retryable: false } });
    expect([j2.state('a'), j2.state('b'), j2.state('c'), j2.state('d')]).toEqual(['DONE', 'FAILED', 'DONE', undefined]);
  });

  it('resumes from the journal: done steps are not run again, a step caught RUNNING by a crash is', async () => {
    const j = new MemoryJournal();
    j.records.set('a', { stepId: 'a', state: 'DONE', attempts: 1, output: { id: 'a-res' } });
    j.records.set('b', { stepId: 'b', state: 'RUNNING', attempts: 1 });
    const x = new FakeExecutor();
    await runPlan(diamond, j, x, 'forward', opts());
    expect(x.log.sort()).toEqual(['do b', 'do c', 'do d']);
  });

  it('rolls back what was touched, dependents first', async () => {
    const j = new MemoryJournal();
    const x = new FakeExecutor();
    x.faults.set('d', { times: 1, retryable: false });
    await runPlan(diamond, j, x, 'forward', opts());
    const back = await runPlan(diamond, j, x, 'rollback', opts());
    expect(back.outcome).toBe('completed');
    const undo = x.log.filter((l) => l.startsWith('undo'));
    expect(undo[0]).toBe('undo d');
    expect(undo[3]).toBe('undo a');
    expect(['a', 'b', 'c', 'd'].map((s) => j.state(s))).toEqual(['ROLLED_BACK', 'ROLLED_BACK', 'ROLLED_BACK', 'ROLLED_BACK']);
  });

  it('skipped steps count as done; a graceful cancel stops at a step boundary', async () => {
    const j = new MemoryJournal();
    j.records.set('b', { stepId: 'b', state: 'SKIPPED', attempts: 1 });
    j.records.set('a', { stepId: 'a', state: 'DONE', attempts: 1, output: { id: 'a-res' } });
    expect(await runPlan(diamond, j, new FakeExecutor(), 'forward', opts())).toEqual({ outcome: 'completed', skipped: 1 });

    let calls = 0;
    const x = new FakeExecutor();
    const r = await runPlan(diamond, new MemoryJournal(), x, 'forward', opts(() => (++calls > 1 ? 'graceful' : 'none')));
    expect(r).toEqual({ outcome: 'cancelled' });
    expect(x.log).toEqual(['do a']);
  });

  it('hands the caller\'s abort signal to every step, so a step running a child process can stop it', async () => {
    const x = new FakeExecutor();
    const seen: Array<AbortSignal | undefined> = [];
    const doIt = x.do.bind(x);
    x.do = async (st, p, signal) => { seen.push(signal); return doIt(st, p); };
    const abort = new AbortController();
    await runPlan(diamond, new MemoryJournal(), x, 'forward', { ...opts(), signal: abort.signal });
    expect(seen).toHaveLength(4);
    expect(seen.every((sg) => sg === abort.signal)).toBe(true);
  });

  it('a journal that cannot be written fails the run with that reason instead of an unhandled rejection', async () => {
    const j = new MemoryJournal();
    let writes = 0;
    j.write = async () => { if (++writes > 1) throw new Error('connection terminated'); };
    const r = await runPlan(diamond, j, new FakeExecutor(), 'forward', opts());
    expect(r).toMatchObject({ outcome: 'failed', step: { id: 'a' }, error: { title: 'Journal write failed', detail: 'The journal of step a could not be written: connection terminated', retryable: false } });
  });

  it('a forceful cancel returns while a step still hangs', async () => {
    let stop: StopRequest = 'none';
    const x = new FakeExecutor(60_000);
    const started = Date.now();
    setTimeout(() => (stop = 'forceful'), 50);
    const r = await runPlan({ steps: [step('slow')] }, new MemoryJournal(), x, 'forward', opts(() => stop));
    expect(r).toEqual({ outcome: 'cancelled', inFlight: expect.any(Promise) });
    expect(Date.now() - started).toBeLessThan(5_000);
    // The hung step is still in flight: the caller may wait for it before ending the operation.
    expect(await Promise.race([(r as { inFlight: Promise<unknown> }).inFlight.then(() => 'settled'), new Promise((res) => setTimeout(() => res('pending'), 50))])).toBe('pending');
  });

  it('kept steps (made by an earlier operation) count as done, and a rollback leaves them alone', async () => {
    const j = new MemoryJournal();
    j.records.set('a', { stepId: 'a', state: 'KEPT', attempts: 0, output: { id: 'a-res' } });
    const x = new FakeExecutor();
    x.faults.set('d', { times: 1, retryable: false });
    await runPlan(diamond, j, x, 'forward', opts());
    expect(x.log).not.toContain('do a');
    await runPlan(diamond, j, x, 'rollback', opts());
    expect(x.log.filter((l) => l.startsWith('undo')).sort()).toEqual(['undo b', 'undo c', 'undo d']);
    expect(j.state('a')).toBe('KEPT');
  });

  it('removing steps undo going forward (users first) and build again on rollback (in creation order); restoring steps get their old params back', async () => {
    // The old deployment: net <- port <- server, and a chain re-ensured with a new classifier.
    const j = new MemoryJournal();
    j.records.set('net', { stepId: 'net', state: 'KEPT', attempts: 0, output: { id: 'net-1' } });
    const plan: Plan = {
      steps: [
        { ...step('server', [], { input: { $ref: 'port#id' } }), remove: true },
        { ...step('port', ['server'], { input: { $ref: 'net#id' } }), remove: true },
        { ...step('chain', [], { rule: 'new' }), restore: { rule: 'old' } },
      ],
    };
    for (const id of ['server', 'port']) j.records.set(id, { stepId: id, state: 'PENDING', attempts: 0 });
    const x = new FakeExecutor();
    const seen: Array<[string, unknown]> = [];
    const doIt = x.do.bind(x);
    x.do = async (s, p) => { seen.push([s.id, s.params.rule ?? p.input]); return doIt(s, p); };
    x.faults.set('chain', { times: 1, retryable: false });
    expect((await runPlan(plan, j, x, 'forward', opts())).outcome).toBe('failed');
    expect(x.log.filter((l) => l !== 'do chain')).toEqual(['undo server', 'undo port']);
    expect(j.state('chain')).toBe('FAILED');

    await runPlan(plan, j, x, 'rollback', opts());
    // The port is built again before the server that uses it, the server gets the new port's id, the chain its old rule.
    expect(x.log.slice(2)).toEqual(expect.arrayContaining(['do port', 'do server', 'do chain']));
    expect(x.log.indexOf('do port')).toBeLessThan(x.log.indexOf('do server'));
    expect(seen.slice(1)).toEqual(expect.arrayContaining([['port', 'net-1'], ['server', 'port-res'], ['chain', 'old']]));
    expect(seen[0]).toEqual(['chain', 'new']);
    expect(['server', 'port', 'chain', 'net'].map((id) => j.state(id))).toEqual(['ROLLED_BACK', 'ROLLED_BACK', 'ROLLED_BACK', 'KEPT']);
  });
});
