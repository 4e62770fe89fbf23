import type { StepJournal, StepRecord } from '../lifecycle/engine/step-journal.port';
import type { Plan } from '../lifecycle/plan/plan.model';
import type { Deployment, LcmRunStore, LeasedRun } from '../lifecycle/ports/lcm-run-store.port';
import type { NsLcmOpOcc } from '../lifecycle/domain/ns-lcm-op-occ.model';
import type { TxHandle } from '../shared/unit-of-work';
import type { Database } from './database';
import { managerOf, queryer, rowsOf } from './transactions';
import { GroupCommit } from '../shared/group-commit';

const RUNNING = `operation_state IN ('PROCESSING', 'ROLLING_BACK')`;

export class DatabaseLcmRunStore implements LcmRunStore {
  /** Journal writes of every run on this replica, committed in groups (many steps finish at once). */
  private readonly journalWrites: GroupCommit<{ occId: string; r: StepRecord }>;

  constructor(private readonly db: Database) {
    this.journalWrites = new GroupCommit((items) => writeRecords(this.db.dataSource.manager, items));
  }

  async acquire(occId: string, owner: string, leaseMs: number): Promise<LeasedRun | undefined> {
    const rows = await rowsOf<{ doc: NsLcmOpOcc; plan: Plan | null }>(this.db.dataSource.manager,
      `UPDATE ns_lcm_op_occ SET lease_owner = $2, lease_until = now() + ($3::int * interval '1 millisecond')
       WHERE id = $1 AND ${RUNNING} AND (lease_owner IS NULL OR lease_until < now() OR lease_owner = $2) RETURNING doc, plan`,
      [occId, owner, leaseMs]);
    return rows[0] ? { occ: rows[0].doc, plan: rows[0].plan ?? undefined } : undefined;
  }

  async renew(occId: string, owner: string, leaseMs: number) {
    const rows = await rowsOf<{ cancel: boolean | null; mode: string | null }>(this.db.dataSource.manager,
      `UPDATE ns_lcm_op_occ SET lease_until = now() + ($3::int * interval '1 millisecond') WHERE id = $1 AND lease_owner = $2 AND ${RUNNING}
       RETURNING (doc->>'isCancelPending')::boolean AS cancel, doc->>'cancelMode' AS mode`,
      [occId, owner, leaseMs]);
    if (!rows[0]) return undefined;
    return rows[0].cancel ? { cancelMode: (rows[0].mode === 'FORCEFUL' ? 'FORCEFUL' : 'GRACEFUL') as 'GRACEFUL' | 'FORCEFUL' } : {};
  }

  async savePlan(occId: string, plan: Plan, seed: StepRecord[]): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(`UPDATE ns_lcm_op_occ SET plan = $2::jsonb WHERE id = $1`, [occId, JSON.stringify(plan)]);
      if (seed.length) await writeRecords(m, seed.map((r) => ({ occId, r })));
    });
  }

  journal(occId: string, tx?: TxHandle): StepJournal {
    return {
      load: async () => {
        const rows: Array<{ step_id: string; state: StepRecord['state']; attempts: number; started_at: Date | null; ended_at: Date | null; error: StepRecord['error'] | null; output: StepRecord['output'] | null }> =
          await queryer(this.db, tx).query(`SELECT step_id, state, attempts, started_at, ended_at, error, output FROM lcm_step WHERE op_occ_id = $1`, [occId]);
        return new Map(rows.map((r) => [r.step_id, {
          stepId: r.step_id, state: r.state, attempts: r.attempts, startedAt: r.started_at?.toISOString(), endedAt: r.ended_at?.toISOString(),
          error: r.error ?? undefined, output: r.output ?? undefined,
        }]));
      },
      write: (r) => (tx ? writeRecords(managerOf(tx), [{ occId, r }]) : this.journalWrites.write({ occId, r })),
    };
  }

  async plan(occId: string, tx?: TxHandle): Promise<Plan | undefined> {
    const rows: Array<{ plan: Plan | null }> = await queryer(this.db, tx).query(`SELECT plan FROM ns_lcm_op_occ WHERE id = $1`, [occId]);
    return rows[0]?.plan ?? undefined;
  }

  async holdsLease(occId: string, owner: string, tx: TxHandle): Promise<boolean> {
    const rows: Array<{ lease_owner: string | null }> = await managerOf(tx).query(`SELECT lease_owner FROM ns_lcm_op_occ WHERE id = $1 FOR UPDATE`, [occId]);
    return rows[0]?.lease_owner === owner;
  }

  async releaseLease(occId: string, tx: TxHandle): Promise<void> {
    await managerOf(tx).query(`UPDATE ns_lcm_op_occ SET lease_owner = NULL, lease_until = NULL WHERE id = $1`, [occId]);
  }

  async deployment(nsInstanceId: string, tx?: TxHandle): Promise<Deployment | undefined> {
    const rows: Array<{ deployment: Deployment | null }> = await queryer(this.db, tx).query(`SELECT deployment FROM ns_instance WHERE id = $1`, [nsInstanceId]);
    return rows[0]?.deployment ?? undefined;
  }

  async setDeployment(nsInstanceId: string, deployment: Deployment | null, tx: TxHandle): Promise<void> {
    await managerOf(tx).query(`UPDATE ns_instance SET deployment = $2::jsonb WHERE id = $1`, [nsInstanceId, deployment === null ? null : JSON.stringify(deployment)]);
  }

  async claimOrphans(graceMs: number): Promise<string[]> {
    const rows = await rowsOf<{ id: string }>(this.db.dataSource.manager,
      `UPDATE ns_lcm_op_occ SET lease_owner = NULL, lease_until = now() + ($1::int * interval '1 millisecond')
       WHERE ${RUNNING} AND ((lease_until IS NULL AND updated_at < now() - ($1::int * interval '1 millisecond')) OR lease_until < now()) RETURNING id`,
      [graceMs]);
    return rows.map((r) => r.id);
  }

  async resetFailedSteps(occId: string, to: 'PENDING' | 'SKIPPED', tx: TxHandle): Promise<number> {
    const rows = await rowsOf<{ step_id: string }>(managerOf(tx), `UPDATE lcm_step SET state = $2 WHERE op_occ_id = $1 AND state = 'FAILED' RETURNING step_id`, [occId, to]);
    return rows.length;
  }
}

/** One upsert for all the records (a later record of the same step wins: one statement cannot update a row twice). */
async function writeRecords(m: { query(sql: string, params: unknown[]): Promise<unknown> }, items: Array<{ occId: string; r: StepRecord }>): Promise<void> {
  const last = [...new Map(items.map((i) => [`${i.occId}\u0000${i.r.stepId}`, i])).values()];
  const params: unknown[] = [];
  const rows = last.map(({ occId, r }) => {
    const at = params.push(occId, r.stepId, r.state, r.attempts, r.startedAt ?? null, r.endedAt ?? null, r.error ? JSON.stringify(r.error) : null, r.output ? JSON.stringify(r.output) : null) - 8;
    return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}::int, $${at + 5}::timestamptz, $${at + 6}::timestamptz, $${at + 7}::jsonb, $${at + 8}::jsonb)`;
  });
  await m.query(
    `INSERT INTO lcm_step (op_occ_id, step_id, state, attempts, started_at, ended_at, error, output) VALUES ${rows.join(', ')}
     ON CONFLICT (op_occ_id, step_id) DO UPDATE SET state = EXCLUDED.state, attempts = EXCLUDED.attempts, started_at = EXCLUDED.started_at,
       ended_at = EXCLUDED.ended_at, error = EXCLUDED.error, output = EXCLUDED.output`,
    params,
  );
}
