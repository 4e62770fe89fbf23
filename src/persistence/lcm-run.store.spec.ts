import { randomUUID } from 'node:crypto';
import { openTestDatabase, type TestDb } from '../../test/support/test-database';
import { DatabaseLcmRunStore } from './lcm-run.store';
import { handleOf } from './transactions';

/** The lease that keeps two workers off one LCM operation, and hands a dead worker's operation to another. */
describe('LCM run leases', () => {
  let t: TestDb;
  let runs: DatabaseLcmRunStore;
  beforeAll(async () => {
    t = await openTestDatabase();
    runs = new DatabaseLcmRunStore(t.db);
  });
  afterAll(() => t.drop());

  const occurrence = async (state = 'PROCESSING') => {
    const id = randomUUID();
    await t.db.dataSource.query(`INSERT INTO ns_lcm_op_occ (id, doc) VALUES ($1, $2::jsonb)`, [id, JSON.stringify({ id, nsInstanceId: randomUUID(), operationState: state, isCancelPending: false })]);
    return id;
  };
  const holds = (id: string, owner: string) => t.db.transaction((m) => runs.holdsLease(id, owner, handleOf(m)));

  it('one holder at a time; an expired lease passes to the next worker and the old one may no longer finish', async () => {
    const id = await occurrence();
    expect(await runs.acquire(id, 'A', 300)).toBeDefined();
    expect(await runs.acquire(id, 'B', 300)).toBeUndefined();
    expect(await runs.renew(id, 'B', 300)).toBeUndefined();
    expect(await runs.renew(id, 'A', 300)).toEqual({});
    await new Promise((r) => setTimeout(r, 400));
    expect(await runs.acquire(id, 'B', 300)).toBeDefined();
    expect(await runs.renew(id, 'A', 300)).toBeUndefined();
    expect([await holds(id, 'A'), await holds(id, 'B')]).toEqual([false, true]);
  });

  it('final occurrences are never taken; the sweep claims an orphan once per grace period', async () => {
    expect(await runs.acquire(await occurrence('COMPLETED'), 'A', 1000)).toBeUndefined();
    const orphan = await occurrence();
    await runs.acquire(orphan, 'dead', 100);
    await new Promise((r) => setTimeout(r, 200));
    expect(await runs.claimOrphans(60_000)).toContain(orphan);
    expect(await runs.claimOrphans(60_000)).not.toContain(orphan); // claimed: not handed out again at once
    expect(await runs.acquire(orphan, 'B', 1000)).toBeDefined(); // but any worker may take it now
  });

  it('a cancel request reaches the holder with its mode', async () => {
    const id = await occurrence();
    await runs.acquire(id, 'A', 1000);
    await t.db.dataSource.query(`UPDATE ns_lcm_op_occ SET doc = doc || '{"isCancelPending": true, "cancelMode": "FORCEFUL"}'::jsonb WHERE id = $1`, [id]);
    expect(await runs.renew(id, 'A', 1000)).toEqual({ cancelMode: 'FORCEFUL' });
  });
});
