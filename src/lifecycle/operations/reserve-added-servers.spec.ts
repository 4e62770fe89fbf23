import { seedOccurrence, seedOpenStackVim } from '../../../test/support/lcm-rows';
import { openTestDatabase, type TestDb } from '../../../test/support/test-database';
import { threeVnfDescriptors } from '../../../test/support/three-vnf-service';
import type { Vim } from '../../infra/infra.model';
import type { DatabaseInfraRepository } from '../../persistence/infra.repository';
import { DatabaseVimReservations } from '../../persistence/vim-reservation.store';
import { buildInstantiatePlan } from '../plan/build-instantiate-plan';
import type { Deployment } from '../ports/lcm-run-store.port';
import type { VimPort } from '../ports/vim.port';
import type { VimPorts } from '../ports/vim-ports.port';
import type { LoadedService } from './plan-instantiation';
import { replan } from './replan';
import { reserveAddedServers } from './reserve-added-servers';

/** Scale out (and ADD_VNF, the same reshape) adds servers where the functions run: checked and reserved like a placement. */
describe('a reshape reserves the servers it adds', () => {
  let t: TestDb;
  let infra: DatabaseInfraRepository;
  let vim: Vim;
  let inUse = 0;
  const { service, functions } = threeVnfDescriptors();
  const svc = { service, stored: [], fdOf: (id: string) => ({ vnfPkgId: `pkg-${id}`, descriptor: functions.find((f) => f.key.name === `vnf-${id}`)! }) } as unknown as LoadedService;
  const nova: VimPorts = { forVim: async () => ({ capacity: async () => ({ vcpus: { total: -1, used: inUse }, memoryMiB: { total: -1, used: 0 }, instances: { total: 10, used: inUse } }) }) as unknown as VimPort };

  beforeAll(async () => {
    t = await openTestDatabase();
    ({ infra, vim } = await seedOpenStackVim(t.db, 'os-scale'));
  });
  afterAll(() => t.drop());
  beforeEach(() => t.db.dataSource.query(`DELETE FROM vim_reservation`));

  /** A running three-VNF NS instance and a SCALE occurrence on it resized to `copies`. */
  const scaling = async (copies: Record<string, number>) => {
    const { ns, occ } = await seedOccurrence(t.db, { type: 'SCALE' });
    const placed = service.functions.map((ref) => ({ ref, ...svc.fdOf(ref.id), siteId: 'site', vimId: vim.id }));
    const deployment: Deployment = { plan: buildInstantiatePlan({ nsInstanceId: ns.id, service, functions: placed, hostAntiAffinity: [] }), outputs: {} };
    const { plan } = await replan(svc, ns, deployment, { copies: { a: 1, b: 1, c: 1, ...copies } });
    return () => reserveAddedServers({ infra, vims: nova, reservations: new DatabaseVimReservations(t.db) }, occ, plan, deployment);
  };
  const held = async () => (await t.db.dataSource.query(`SELECT step_id FROM vim_reservation ORDER BY step_id`)).map((r: { step_id: string }) => r.step_id);

  it('a scale out that fits reserves only its new servers; the next one that does not fit is refused naming the VIM', async () => {
    inUse = 8;
    await (await scaling({ a: 2 }))();
    expect(await held()).toEqual(['server:a.vm.1']);
    await expect((await scaling({ b: 3 }))()).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      detail: `The SCALE cannot add 2 servers: needs 2 instances, 1 free on os-scale (${vim.id}): limit 10, 8 in use, 1 reserved by operations in progress`,
    });
    expect(await held()).toEqual(['server:a.vm.1']);
  });

  it('a scale in adds nothing and holds nothing, even on a full VIM', async () => {
    inUse = 10;
    await (await scaling({ a: 0 }))();
    expect(await held()).toEqual([]);
  });
});
