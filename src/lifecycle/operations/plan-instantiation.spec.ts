import { setTimeout as sleep } from 'node:timers/promises';
import { seedOccurrence, seedOpenStackVim } from '../../../test/support/lcm-rows';
import { openTestDatabase, type TestDb } from '../../../test/support/test-database';
import { threeVnfDescriptors } from '../../../test/support/three-vnf-service';
import type { Vim } from '../../infra/infra.model';
import type { DescriptorStore } from '../../packages/ports/descriptor-store.port';
import type { DatabaseInfraRepository } from '../../persistence/infra.repository';
import { DatabaseVimReservations } from '../../persistence/vim-reservation.store';
import { isNfvoError } from '../../shared/nfvo-error';
import type { VimCapacity, VimPort } from '../ports/vim.port';
import type { VimPorts } from '../ports/vim-ports.port';
import { planInstantiation } from './plan-instantiation';

/**
 * Placement on the real database with a VIM answering like Nova's limits (quota 10 instances): what
 * concurrent placements place is reserved under one lock, so together they never exceed the quota.
 */
describe('instantiate placement reserves what it places', () => {
  let t: TestDb;
  let infra: DatabaseInfraRepository;
  let vim: Vim;
  /** Servers Nova counts as created. */
  let inUse = 0;
  const { service, functions } = threeVnfDescriptors();
  const descriptors = { forOwner: async () => [service], onboardedFunctions: async () => functions.map((descriptor) => ({ vnfPkgId: `pkg-${descriptor.key.name}`, descriptor })) } as unknown as DescriptorStore;
  const nova: VimPorts = {
    forVim: async () => ({
      // Slow enough that placements without a common lock would all read the usage before any reserves.
      capacity: async (): Promise<VimCapacity> => {
        await sleep(30);
        return { vcpus: { total: 100, used: inUse }, memoryMiB: { total: 1_000_000, used: 512 * inUse }, instances: { total: 10, used: inUse } };
      },
    }) as unknown as VimPort,
  };

  beforeAll(async () => {
    t = await openTestDatabase();
    // Registered when the quota was 40; the project's quota is 10 now.
    ({ infra, vim } = await seedOpenStackVim(t.db, 'os-quota', { vcpus: 100, memoryMiB: 1_000_000, instances: 40 }));
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    inUse = 0;
    await t.db.dataSource.query(`DELETE FROM vim_reservation`);
  });

  /** Each placement through its own store: as on separate replicas, only the database lock orders them. */
  const place = async (occ?: Awaited<ReturnType<typeof seedOccurrence>>) => {
    const { ns, occ: o } = occ ?? (await seedOccurrence(t.db));
    return planInstantiation({ descriptors, infra, vims: nova, reservations: new DatabaseVimReservations(t.db) }, ns, o);
  };
  const reserved = async (occId?: string) => Number((await t.db.dataSource.query(
    `SELECT coalesce(sum(instances), 0) AS n FROM vim_reservation WHERE vim_id = $1 AND ($2::uuid IS NULL OR ns_lcm_op_occ_id = $2)`, [vim.id, occId ?? null]))[0].n);

  it('five services of three servers at once on a quota of ten: three are placed, two refused naming the VIM and what is left', async () => {
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map(() => place()));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(refused).toHaveLength(2);
    for (const e of refused) {
      expect(isNfvoError(e) && e.code).toBe('UNPROCESSABLE');
      expect(e.detail).toContain(`needs 1 instances, 0 free on os-quota (${vim.id}): limit 10, 0 in use, 9 reserved by operations in progress, 1 placed for this service`);
    }
    expect(await reserved()).toBe(9);
  });

  it('counts what Nova reports in use beside what is reserved', async () => {
    await place();
    inUse = 5;
    await expect(place()).rejects.toMatchObject({ detail: expect.stringContaining('limit 10, 5 in use, 3 reserved by operations in progress') });
    expect(await reserved()).toBe(3);
  });

  it('a re-plan replaces the occurrence’s own reservation; one that no longer fits holds nothing', async () => {
    const occ = await seedOccurrence(t.db);
    const other = await seedOccurrence(t.db);
    await place(other);
    const plan = await place(occ);
    expect(plan.steps.filter((s) => s.kind === 'server').map((s) => s.vimId)).toEqual([vim.id, vim.id, vim.id]);
    await place(occ); // a resumed run that saved no plan places again: its own three servers are not counted against it
    expect([await reserved(occ.occ.id), await reserved()]).toEqual([3, 6]);
    inUse = 5;
    await expect(place(occ)).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
    expect([await reserved(occ.occ.id), await reserved()]).toEqual([0, 3]);
  });
});
