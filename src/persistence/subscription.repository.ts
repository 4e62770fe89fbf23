import type { StoredSubscription, SubscriptionRepository } from '../notifications/subscription-repository.port';
import type { Subscription, SubscriptionApi } from '../notifications/subscription.model';
import type { TxHandle } from '../shared/unit-of-work';
import type { Database } from './database';
import { managerOf } from './transactions';

export class DatabaseSubscriptionRepository implements SubscriptionRepository {
  constructor(private readonly db: Database) {}

  async insert(s: Subscription, extra: { authSealed?: string; dedupKey: string; apiRoot: string }): Promise<void> {
    await this.db.dataSource.query(
      `INSERT INTO subscription (id, api, major, doc, auth_sealed, dedup_key, api_root) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)`,
      [s.id, s.api, s.major, JSON.stringify(s), extra.authSealed ?? null, extra.dedupKey, extra.apiRoot],
    );
  }

  async findByDedupKey(dedupKey: string): Promise<Subscription | undefined> {
    const rows: Array<{ doc: Subscription }> = await this.db.dataSource.query(`SELECT doc FROM subscription WHERE dedup_key = $1`, [dedupKey]);
    return rows[0]?.doc;
  }

  async forApi(api: SubscriptionApi, tx: TxHandle): Promise<StoredSubscription[]> {
    const rows: Array<{ doc: Subscription; api_root: string }> = await managerOf(tx).query(`SELECT doc, api_root FROM subscription WHERE api = $1 ORDER BY seq`, [api]);
    return rows.map((r) => ({ subscription: r.doc, apiRoot: r.api_root }));
  }
}
