import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Written by hand (never `synchronize`): the same SQL runs on PostgreSQL and on embedded PGlite. */
export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE nsd_info (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL UNIQUE,
      doc jsonb NOT NULL,
      revision integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // SOL013 filters on eq compile to `doc @> …`, which this index serves for any nested attribute.
    await q.query(`CREATE INDEX nsd_info_doc_gin ON nsd_info USING gin (doc jsonb_path_ops)`);
    await q.query(`CREATE TABLE oauth_client (
      client_id text PRIMARY KEY,
      secret_hash text NOT NULL,
      scopes text[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oauth_client`);
    await q.query(`DROP TABLE nsd_info`);
  }
}
