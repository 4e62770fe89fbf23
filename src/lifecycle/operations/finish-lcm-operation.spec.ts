import { seedOccurrence, seedOpenStackVim } from '../../../test/support/lcm-rows';
import { openTestDatabase, type TestDb } from '../../../test/support/test-database';
import type { EventLog } from '../../packages/ports/event-log.port';
import type { JobQueue } from '../../packages/ports/job-queue.port';
import { DatabaseLcmRunStore } from '../../persistence/lcm-run.store';
import { DatabaseNsLcmRepository } from '../../persistence/ns-lcm.repository';
import { DatabaseUnitOfWork } from '../../persistence/transactions';
import { DatabaseVimReservations } from '../../persistence/vim-reservation.store';
import type { OperationState } from '../domain/op-state.machine';
import { FinishLcmOperation, type RunEnd } from './finish-lcm-operation';
import { OccurrenceTaskUseCase } from './occurrence-task.use-case';

/** An operation holds what it reserved on VIMs until it is final; FAILED_TEMP and ROLLING_BACK keep it for a retry. */
describe('reservations end with their operation', () => {
  let t: TestDb;
  let vimId: string;
  let deps: { repo: DatabaseNsLcmRepository; runs: DatabaseLcmRunStore; reservations: DatabaseVimReservations; events: EventLog; uow: DatabaseUnitOfWork };
  beforeAll(async () => {
    t = await openTestDatabase();
    vimId = (await seedOpenStackVim(t.db, 'os-r')).vim.id;
    deps = { repo: new DatabaseNsLcmRepository(t.db), runs: new DatabaseLcmRunStore(t.db), reservations: new DatabaseVimReservations(t.db), events: { append: async () => undefined }, uow: new DatabaseUnitOfWork(t.db) };
  });
  afterAll(() => t.drop());

  /** An occurrence in `state`, leased by `w`, holding one server on the VIM. */
  const holding = async (state: OperationState) => {
    const { ns, occ } = await seedOccurrence(t.db, { state, owner: 'w' });
    await deps.reservations.exclusively((tx) => deps.reservations.reserve(occ.id, ns.id, [{ stepId: 'server:a.vm.0', vimId, vcpus: 1, memoryMiB: 512, instances: 1 }], tx));
    return occ.id;
  };
  const holds = async (occId: string) => (await t.db.dataSource.query(`SELECT 1 FROM vim_reservation WHERE ns_lcm_op_occ_id = $1`, [occId])).length > 0;
  const finish = (occId: string, end: RunEnd, direction: 'forward' | 'rollback' = 'forward') => new FinishLcmOperation(deps).execute(occId, undefined, end, direction, 'w');
  const stepFailed: RunEnd = { outcome: 'failed', step: { id: 'server:a.vm.0', kind: 'server', params: {}, dependsOn: [] }, error: { title: 'Nova', detail: 'quota', retryable: false } };

  it.each<{ why: string; from: OperationState; end: RunEnd; direction: 'forward' | 'rollback'; to: OperationState; kept: boolean }>([
    { why: 'done', from: 'PROCESSING', end: { outcome: 'completed', skipped: 0 }, direction: 'forward', to: 'COMPLETED', kept: false },
    { why: 'done, steps skipped', from: 'PROCESSING', end: { outcome: 'completed', skipped: 1 }, direction: 'forward', to: 'PARTIALLY_COMPLETED', kept: false },
    { why: 'rolled back', from: 'ROLLING_BACK', end: { outcome: 'completed', skipped: 0 }, direction: 'rollback', to: 'ROLLED_BACK', kept: false },
    { why: 'a step failed', from: 'PROCESSING', end: stepFailed, direction: 'forward', to: 'FAILED_TEMP', kept: true },
    { why: 'cancelled', from: 'PROCESSING', end: { outcome: 'cancelled' }, direction: 'forward', to: 'FAILED_TEMP', kept: true },
    { why: 'an undo failed', from: 'ROLLING_BACK', end: stepFailed, direction: 'rollback', to: 'FAILED_TEMP', kept: true },
  ])('$why: $from -> $to, still held: $kept', async ({ from, end, direction, to, kept }) => {
    const occId = await holding(from);
    expect((await finish(occId, end, direction))?.operationState).toBe(to);
    expect(await holds(occId)).toBe(kept);
  });

  it('fail on a FAILED_TEMP operation gives its reservation up; retry and rollback keep it', async () => {
    const jobs = { send: async () => undefined } as unknown as JobQueue;
    const tasks = new OccurrenceTaskUseCase({ ...deps, jobs });
    const failed = await holding('FAILED_TEMP');
    expect((await tasks.execute(failed, 'fail')).operationState).toBe('FAILED');
    expect(await holds(failed)).toBe(false);
    const retried = await holding('FAILED_TEMP');
    expect((await tasks.execute(retried, 'retry')).operationState).toBe('PROCESSING');
    expect(await holds(retried)).toBe(true);
    const rolling = await holding('FAILED_TEMP');
    expect((await tasks.execute(rolling, 'rollback')).operationState).toBe('ROLLING_BACK');
    expect(await holds(rolling)).toBe(true);
  });
});
