import type { InfraDocs, InfraKind, InfraRepository } from '../infra/infra-repository.port';
import { NfvoError } from '../shared/nfvo-error';
import type { ResourceStore } from '../shared/resource-store';
import type { Database } from './database';
import { DocumentStore } from './document-store';
import { nsInstancesUsing, USERS_LISTED } from './infra-usage';
import { handleOf } from './transactions';

/** The relational columns each kind keeps beside its document (for foreign keys and uniqueness). */
const COLUMNS: { [K in InfraKind]: (d: InfraDocs[K]) => Record<string, unknown> } = {
  site: (d) => ({ name: d.name }),
  vim: (d) => ({ site_id: d.siteId, name: d.name }),
  wan_link: (d) => ({ site_a: d.siteA, site_b: d.siteB }),
  switch_host: (d) => ({ site_id: d.siteId }),
};

const NOUN: Record<InfraKind, string> = { site: 'site', vim: 'VIM', wan_link: 'WAN link', switch_host: 'switch host' };
/** Why an item in use matters, for the 409 (a site is guarded by its VIMs, links and switch hosts). */
const WHY: Partial<Record<InfraKind, string>> = {
  vim: 'their servers, networks or stacks are there',
  wan_link: 'their WAN tunnels cross it',
  switch_host: 'its switch holds their WAN tunnels or service chain flows',
};

export class DatabaseInfraRepository implements InfraRepository {
  private readonly stores = new Map<InfraKind, DocumentStore<{ id: string }>>();

  constructor(private readonly db: Database) {}

  store<K extends InfraKind>(kind: K): ResourceStore<InfraDocs[K]> {
    if (!this.stores.has(kind)) this.stores.set(kind, new DocumentStore(this.db, kind, NOUN[kind]));
    return this.stores.get(kind) as unknown as ResourceStore<InfraDocs[K]>;
  }

  async create<K extends InfraKind>(kind: K, doc: InfraDocs[K], sealed?: string): Promise<void> {
    const cols = { id: doc.id, doc: JSON.stringify(doc), ...COLUMNS[kind](doc), ...(sealed ? { credentials_sealed: sealed } : {}) };
    const names = Object.keys(cols);
    const params = Object.values(cols);
    try {
      await this.db.dataSource.query(`INSERT INTO ${kind} (${names.join(', ')}) VALUES (${names.map((n, i) => (n === 'doc' ? `$${i + 1}::jsonb` : `$${i + 1}`)).join(', ')})`, params);
    } catch (err) {
      const code = (err as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (err as { code?: string }).code;
      if (code === '23503') throw new NfvoError('UNPROCESSABLE', `The ${NOUN[kind]} refers to a site that does not exist; create the site first.`);
      if (code === '23505') throw new NfvoError('CONFLICT', kind === 'wan_link' ? 'A WAN link between these two sites exists already.' : `A ${NOUN[kind]} with this name exists already.`);
      throw err;
    }
  }

  async remove(kind: InfraKind, id: string): Promise<void> {
    try {
      // Deleted under its row lock, then checked in the same transaction: a refusal rolls the delete back.
      await this.db.transaction(async (m) => {
        let doc: InfraDocs[typeof kind] | undefined;
        await this.store(kind).delete(id, (current) => void (doc = current.doc), handleOf(m));
        const users = doc ? await nsInstancesUsing(m, kind, doc) : [];
        if (users.length) {
          throw new NfvoError('CONFLICT', `The ${NOUN[kind]} is used by NS instance${users.length > 1 ? 's' : ''} ${users.join(', ')}${users.length === USERS_LISTED ? ' and maybe more' : ''} (${WHY[kind]}); terminate ${users.length > 1 ? 'them' : 'it'} first.`);
        }
      });
    } catch (err) {
      const code = (err as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (err as { code?: string }).code;
      if (code === '23503') throw new NfvoError('CONFLICT', `The ${NOUN[kind]} is still used by VIMs, WAN links or switch hosts; delete those first.`);
      throw err;
    }
  }

  async sealedCredentials(kind: 'vim' | 'switch_host', id: string): Promise<string | undefined> {
    const rows: Array<{ c: string | null }> = await this.db.dataSource.query(`SELECT credentials_sealed AS c FROM ${kind} WHERE id = $1`, [id]);
    return rows[0]?.c ?? undefined;
  }
}
