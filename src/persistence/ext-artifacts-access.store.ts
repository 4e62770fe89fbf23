import type { ExtArtifactsAccessStore, ExternalArtifactsAccessConfig } from '../packages/ext-artifacts/ext-artifacts-access';
import type { SecretBox } from '../shared/secret-box';
import type { Database } from './database';

/** Stores the config with every password sealed, so a database dump does not reveal them. */
export class DatabaseExtArtifactsAccessStore implements ExtArtifactsAccessStore {
  constructor(private readonly db: Database, private readonly box: SecretBox) {}

  async get(vnfPkgId: string): Promise<ExternalArtifactsAccessConfig | undefined> {
    const rows: Array<{ config: ExternalArtifactsAccessConfig }> = await this.db.dataSource.query(`SELECT config FROM ext_artifacts_access WHERE vnf_pkg_id = $1`, [vnfPkgId]);
    if (!rows[0]) return undefined;
    return { artifact: rows[0].config.artifact.map((a) => this.crypt(a, (s) => this.box.open(s))) };
  }

  async put(vnfPkgId: string, config: ExternalArtifactsAccessConfig): Promise<void> {
    const sealed = { artifact: config.artifact.map((a) => this.crypt(a, (s) => this.box.seal(s))) };
    await this.db.dataSource.query(
      `INSERT INTO ext_artifacts_access (vnf_pkg_id, config) VALUES ($1, $2::jsonb)
       ON CONFLICT (vnf_pkg_id) DO UPDATE SET config = EXCLUDED.config, updated_at = now()`,
      [vnfPkgId, JSON.stringify(sealed)],
    );
  }

  private crypt<T extends { password?: string; paramsOauth2ClientCredentials?: { clientPassword: string } }>(a: T, f: (s: string) => string): T {
    const out = { ...a };
    if (out.password !== undefined) out.password = f(out.password);
    if (out.paramsOauth2ClientCredentials) out.paramsOauth2ClientCredentials = { ...out.paramsOauth2ClientCredentials, clientPassword: f(out.paramsOauth2ClientCredentials.clientPassword) };
    return out;
  }
}
