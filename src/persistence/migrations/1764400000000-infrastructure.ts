import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The infrastructure registry: sites, VIMs per site, WAN links between sites and switch hosts per site.
 * Documents as JSONB (filterable like SOL005 collections); credentials sealed in their own column, never
 * in `doc`, so no read path can return them. Foreign keys keep the registry consistent.
 */
export class Infrastructure1764400000000 implements MigrationInterface {
  name = 'Infrastructure1764400000000';

  async up(q: QueryRunner): Promise<void> {
    const table = (name: string, extra = '') =>
      q.query(`CREATE TABLE ${name} (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        doc jsonb NOT NULL,
        revision integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()${extra}
      )`);
    await table('site', `, name text NOT NULL UNIQUE`);
    await table('vim', `, site_id uuid NOT NULL REFERENCES site(id), name text NOT NULL UNIQUE, credentials_sealed text`);
    await table('wan_link', `, site_a uuid NOT NULL REFERENCES site(id), site_b uuid NOT NULL REFERENCES site(id), CHECK (site_a <> site_b)`);
    await q.query(`CREATE UNIQUE INDEX wan_link_pair ON wan_link (LEAST(site_a, site_b), GREATEST(site_a, site_b))`);
    await table('switch_host', `, site_id uuid NOT NULL REFERENCES site(id), credentials_sealed text`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['switch_host', 'wan_link', 'vim', 'site']) await q.query(`DROP TABLE ${t}`);
  }
}
