import { openTestDatabase, type TestDb } from '../../test/support/test-database';
import { seedOccurrence, seedOpenStackVim } from '../../test/support/lcm-rows';
import type { OperationState } from '../lifecycle/domain/op-state.machine';
import { DatabaseVimReservations } from './vim-reservation.store';

/** What operations in progress hold on VIMs, and the lock every replica's placement takes. */
describe('VIM reservations', () => {
  let t: TestDb;
  let vimA: string;
  let vimB: string;
  beforeAll(async () => {
    t = await openTestDatabase();
    vimA = (await seedOpenStackVim(t.db, 'os-a')).vim.id;
    vimB = (await seedOpenStackVim(t.db, 'os-b')).vim.id;
  });
  afterAll(() => t.drop());
  // Each test starts from no reservation at all.
  beforeEach(() => t.db.dataSource.query(`DELETE FROM vim_reservation`));

  const store = () => new DatabaseVimReservations(t.db);
  const server = (stepId: string, vimId: string) => ({ stepId, vimId, vcpus: 2, memoryMiB: 1024, instances: 1 });
  const holding = async (state: OperationState, servers: ReturnType<typeof server>[]) => {
    const { ns, occ } = await seedOccurrence(t.db, { state });
    await store().exclusively((tx) => store().reserve(occ.id, ns.id, servers, tx));
    return occ.id;
  };
  const held = () => store().exclusively((tx) => store().held(tx));
  const step = (occId: string, stepId: string, state: string) =>
    t.db.dataSource.query(`INSERT INTO lcm_step (op_occ_id, step_id, state) VALUES ($1, $2, $3) ON CONFLICT (op_occ_id, step_id) DO UPDATE SET state = EXCLUDED.state`, [occId, stepId, state]);

  it('sums per VIM what the non-final operations hold', async () => {
    await holding('PROCESSING', [server('server:a.vm.0', vimA), server('server:b.vm.0', vimA), server('server:c.vm.0', vimB)]);
    await holding('FAILED_TEMP', [server('server:a.vm.0', vimA)]);
    await holding('ROLLING_BACK', [server('server:a.vm.0', vimB)]);
    for (const final of ['COMPLETED', 'PARTIALLY_COMPLETED', 'FAILED', 'ROLLED_BACK'] as const) await holding(final, [server('server:x.vm.0', vimA)]);
    expect(await held()).toEqual(new Map([
      [vimA, { vcpus: 6, memoryMiB: 3072, instances: 3 }],
      [vimB, { vcpus: 4, memoryMiB: 2048, instances: 2 }],
    ]));
  });

  it('a server whose step is DONE no longer counts: it is in the VIM’s usage by then', async () => {
    const occ = await holding('PROCESSING', [server('server:a.vm.0', vimA), server('server:b.vm.0', vimA)]);
    await step(occ, 'server:a.vm.0', 'RUNNING');
    expect((await held()).get(vimA)?.instances).toBe(2); // being created: counted here and maybe in usage too
    await step(occ, 'server:a.vm.0', 'DONE');
    expect((await held()).get(vimA)?.instances).toBe(1);
    // A rollback marks the step before it deletes the server: from then on it counts here again.
    await step(occ, 'server:a.vm.0', 'ROLLING_BACK');
    expect((await held()).get(vimA)?.instances).toBe(2);
  });

  it('release drops only that occurrence’s reservation', async () => {
    const one = await holding('PROCESSING', [server('server:a.vm.0', vimA)]);
    await holding('PROCESSING', [server('server:a.vm.0', vimA), server('server:b.vm.0', vimA)]);
    await store().exclusively((tx) => store().release(one, tx));
    expect((await held()).get(vimA)?.instances).toBe(2);
    expect(await t.db.dataSource.query(`SELECT 1 FROM vim_reservation WHERE ns_lcm_op_occ_id = $1`, [one])).toEqual([]);
  });

  it('one placement at a time across replicas: the second waits until the first has committed', async () => {
    const order: string[] = [];
    let entered!: () => void;
    const firstIn = new Promise<void>((r) => (entered = r));
    // Two stores, as two replicas have: only the database lock keeps them apart.
    const first = store().exclusively(async () => {
      order.push('first in');
      entered();
      await new Promise((r) => setTimeout(r, 200));
      order.push('first out');
    });
    await firstIn;
    const second = store().exclusively(async () => {
      order.push('second in');
    });
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'first out', 'second in']);
  });
});
