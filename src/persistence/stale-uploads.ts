import type { StaleUploads } from '../packages/ports/stale-uploads.port';
import type { Database } from './database';
import { rowsOf } from './transactions';

/** The two catalogue tables and the attribute that holds each one's onboarding state. */
const TABLES: Array<[table: string, stateKey: string]> = [
  ['nsd_info', 'nsdOnboardingState'],
  ['vnf_pkg_info', 'onboardingState'],
];

export class DatabaseStaleUploads implements StaleUploads {
  constructor(private readonly db: Database) {}

  recover(olderThanSeconds: number): Promise<string[]> {
    return this.db.transaction(async (m) => {
      const ids: string[] = [];
      for (const [table, key] of TABLES) {
        const rows = await rowsOf<{ id: string }>(
          m,
          `UPDATE ${table} SET doc = jsonb_set(doc, ARRAY[$1::text], '"CREATED"'), revision = revision + 1, updated_at = now()
            WHERE doc->>$1 = 'UPLOADING' AND updated_at < now() - make_interval(secs => $2) RETURNING id`,
          [key, olderThanSeconds],
        );
        ids.push(...rows.map((r) => r.id));
      }
      await m.query(
        `DELETE FROM blob b WHERE b.created_at < now() - make_interval(secs => $1)
          AND NOT EXISTS (SELECT 1 FROM package_file f WHERE f.blob_id = b.id)`,
        [olderThanSeconds],
      );
      return ids;
    });
  }
}
