import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The latest drift report of an NS instance's stacks (kept on the NS instance until NS fault management raises alarms). */
export class NsDrift1764600000000 implements MigrationInterface {
  name = 'NsDrift1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // drift_checked_at: when a replica last claimed the NS instance for a scheduled check (one replica per interval).
    await q.query(`ALTER TABLE ns_instance ADD COLUMN drift jsonb, ADD COLUMN drift_checked_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ns_instance DROP COLUMN drift, DROP COLUMN drift_checked_at`);
  }
}
