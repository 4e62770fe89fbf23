import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SOL005 cl. 9.4.9 ExternalArtifactsAccessConfig per VNF package; credentials inside are sealed (AES-256-GCM). */
export class ExtArtifactsAccess1764200000000 implements MigrationInterface {
  name = 'ExtArtifactsAccess1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ext_artifacts_access (
      vnf_pkg_id uuid PRIMARY KEY REFERENCES vnf_pkg_info(id) ON DELETE CASCADE,
      config jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ext_artifacts_access`);
  }
}
