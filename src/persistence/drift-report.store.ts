import type { DriftReport, DriftReports } from '../lifecycle/ports/drift-reports.port';
import type { Database } from './database';
import { rowsOf } from './transactions';

export class DatabaseDriftReports implements DriftReports {
  constructor(private readonly db: Database) {}

  async save(report: DriftReport): Promise<void> {
    await this.db.dataSource.manager.query(`UPDATE ns_instance SET drift = $2::jsonb WHERE id = $1`, [report.nsInstanceId, JSON.stringify(report)]);
  }

  async latest(nsInstanceId: string): Promise<DriftReport | undefined> {
    const rows = await rowsOf<{ drift: DriftReport | null }>(this.db.dataSource.manager, `SELECT drift FROM ns_instance WHERE id::text = $1`, [nsInstanceId]);
    return rows[0]?.drift ?? undefined;
  }

  async claimDue(intervalMs: number, limit: number): Promise<string[]> {
    const rows = await rowsOf<{ id: string }>(this.db.dataSource.manager,
      `UPDATE ns_instance SET drift_checked_at = now() WHERE id IN (
         SELECT id FROM ns_instance WHERE deployment IS NOT NULL AND (drift_checked_at IS NULL OR drift_checked_at < now() - ($1::int * interval '1 millisecond'))
         ORDER BY drift_checked_at NULLS FIRST LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [intervalMs, limit]);
    return rows.map((r) => r.id);
  }
}
