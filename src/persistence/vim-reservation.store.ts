import { setTimeout as sleep } from 'node:timers/promises';
import { OP_STATE } from '../lifecycle/domain/op-state.machine';
import type { Reserved, ServerReservation, VimReservations } from '../lifecycle/ports/vim-reservations.port';
import type { TxHandle } from '../shared/unit-of-work';
import type { Database } from './database';
import { handleOf, managerOf } from './transactions';

const NON_FINAL = Object.keys(OP_STATE.table).filter((s) => !OP_STATE.finals.includes(s as never));

/** Waits between tries for the placement lock: short (placements take milliseconds), growing, with jitter. */
const RETRY_MS = { first: 5, max: 100 };

export class DatabaseVimReservations implements VimReservations {
  constructor(private readonly db: Database) {}

  /**
   * The lock is tried, not waited for: a placement waiting for another holds no pooled connection (lease
   * renewals and journal writes of running operations need them), and placements of one replica queue
   * on the same database lock as those of the others. Transaction-scoped, so a crash never leaves it held;
   * keyed by schema, so two NFVO deployments sharing one PostgreSQL do not wait for each other.
   */
  async exclusively<T>(fn: (tx: TxHandle) => Promise<T>): Promise<T> {
    for (let wait = RETRY_MS.first; ; wait = Math.min(wait * 2, RETRY_MS.max)) {
      const done = await this.db.transaction(async (m) => {
        const [{ locked }]: Array<{ locked: boolean }> = await m.query(`SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || ':nfvo-placement')) AS locked`);
        return locked ? { value: await fn(handleOf(m)) } : undefined;
      });
      if (done) return done.value;
      await sleep(wait * (0.5 + Math.random()));
    }
  }

  async held(tx: TxHandle): Promise<Map<string, Reserved>> {
    // Only non-final occurrences count, so a reservation a final transition failed to drop cannot block a VIM forever.
    const rows: Array<{ vim_id: string; vcpus: string; memory_mib: string; instances: string }> = await managerOf(tx).query(
      `SELECT r.vim_id, sum(r.vcpus) AS vcpus, sum(r.memory_mib) AS memory_mib, sum(r.instances) AS instances
         FROM vim_reservation r
         JOIN ns_lcm_op_occ o ON o.id = r.ns_lcm_op_occ_id AND o.operation_state = ANY($1::text[])
         LEFT JOIN lcm_step s ON s.op_occ_id = r.ns_lcm_op_occ_id AND s.step_id = r.step_id
        WHERE s.state IS DISTINCT FROM 'DONE'
        GROUP BY r.vim_id`,
      [NON_FINAL],
    );
    return new Map(rows.map((r) => [r.vim_id, { vcpus: Number(r.vcpus), memoryMiB: Number(r.memory_mib), instances: Number(r.instances) }]));
  }

  async reserve(occId: string, nsInstanceId: string, servers: readonly ServerReservation[], tx: TxHandle): Promise<void> {
    if (!servers.length) return;
    // Arrays, not one parameter set per row: a service of thousands of servers stays one statement.
    await managerOf(tx).query(
      `INSERT INTO vim_reservation (ns_lcm_op_occ_id, ns_instance_id, step_id, vim_id, vcpus, memory_mib, instances)
       SELECT $1, $2, * FROM unnest($3::text[], $4::uuid[], $5::int[], $6::int[], $7::int[])`,
      [occId, nsInstanceId, servers.map((s) => s.stepId), servers.map((s) => s.vimId), servers.map((s) => s.vcpus), servers.map((s) => s.memoryMiB), servers.map((s) => s.instances)],
    );
  }

  async release(occId: string, tx: TxHandle): Promise<void> {
    await managerOf(tx).query(`DELETE FROM vim_reservation WHERE ns_lcm_op_occ_id = $1`, [occId]);
  }
}
