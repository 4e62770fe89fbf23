import type { Database } from '../../persistence/database';
import { queryer } from '../../persistence/transactions';
import type { DeliveryKey, DeliveryStore, NextDue, SubscriptionTargetRecord } from './delivery-store.port';

const ms = `$4::double precision * interval '1 millisecond'`;
/** TypeORM answers UPDATE/DELETE with [rows, affected]; other statements with rows. */
const affected = (r: unknown): number => (Array.isArray(r) && typeof r[1] === 'number' ? r[1] : 0);
const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

/** The `notification` and `delivery_lease` tables (migration 1764300000000), one autocommit statement per call. */
export class NotificationStore implements DeliveryStore {
  constructor(private readonly db: Database) {}

  private q(sql: string, params: unknown[]): Promise<any> {
    return queryer(this.db).query(sql, params);
  }

  async acquireLease(k: DeliveryKey, holder: string, leaseMs: number): Promise<boolean> {
    // Only for an existing subscription (a deleted one cascades its notifications away: nothing to deliver).
    const rows = await this.q(
      `INSERT INTO delivery_lease (subscription_id, ordering_key, holder, expires_at)
       SELECT s.id, $2, $3, now() + ${ms} FROM subscription s WHERE s.id = $1
       ON CONFLICT (subscription_id, ordering_key) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
       WHERE delivery_lease.expires_at < now()
       RETURNING holder`,
      [k.subscriptionId, k.orderingKey, holder, leaseMs],
    );
    return rows.length === 1;
  }

  async renewLease(k: DeliveryKey, holder: string, leaseMs: number): Promise<boolean> {
    const r = await this.q(`UPDATE delivery_lease SET expires_at = now() + ${ms} WHERE subscription_id = $1 AND ordering_key = $2 AND holder = $3`, [k.subscriptionId, k.orderingKey, holder, leaseMs]);
    return affected(r) === 1;
  }

  async releaseLease(k: DeliveryKey, holder: string): Promise<void> {
    await this.q(`DELETE FROM delivery_lease WHERE subscription_id = $1 AND ordering_key = $2 AND holder = $3`, [k.subscriptionId, k.orderingKey, holder]);
  }

  async nextDue(k: DeliveryKey): Promise<NextDue> {
    const rows = await this.q(
      `SELECT id, body, attempts, created_at, next_attempt_at, next_attempt_at <= now() AS due, now() AS now
       FROM notification WHERE subscription_id = $1 AND ordering_key = $2 AND state = 'PENDING' ORDER BY seq LIMIT 1`,
      [k.subscriptionId, k.orderingKey],
    );
    const r = rows[0];
    if (!r) return { kind: 'none' };
    if (!r.due) return { kind: 'wait', at: date(r.next_attempt_at) };
    return { kind: 'due', now: date(r.now), notification: { id: r.id, body: r.body, attempts: Number(r.attempts), createdAt: date(r.created_at) } };
  }

  async markDelivered(id: string, attempts: number): Promise<void> {
    await this.q(`UPDATE notification SET state = 'DELIVERED', attempts = $2, delivered_at = now() WHERE id = $1 AND state = 'PENDING'`, [id, attempts]);
  }

  async markFailed(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
    await this.q(`UPDATE notification SET attempts = $2, next_attempt_at = $3, last_error = $4 WHERE id = $1 AND state = 'PENDING'`, [id, attempts, nextAttemptAt, error]);
  }

  async markUndeliverable(id: string, attempts: number, error: string): Promise<void> {
    await this.q(`UPDATE notification SET state = 'UNDELIVERABLE', attempts = $2, last_error = $3 WHERE id = $1 AND state = 'PENDING'`, [id, attempts, error]);
  }

  async dueKeys(limit: number): Promise<DeliveryKey[]> {
    // Only each key's head counts: later notifications wait behind it, so they are "due" but not deliverable.
    const rows = await this.q(
      `SELECT h.subscription_id, h.ordering_key FROM (
         SELECT DISTINCT ON (subscription_id, ordering_key) subscription_id, ordering_key, next_attempt_at
         FROM notification WHERE state = 'PENDING' ORDER BY subscription_id, ordering_key, seq) h
       LEFT JOIN delivery_lease l ON l.subscription_id = h.subscription_id AND l.ordering_key = h.ordering_key AND l.expires_at >= now()
       WHERE h.next_attempt_at <= now() AND l.holder IS NULL
       ORDER BY h.next_attempt_at LIMIT $1`,
      [limit],
    );
    return rows.map((r: { subscription_id: string; ordering_key: string }) => ({ subscriptionId: r.subscription_id, orderingKey: r.ordering_key }));
  }

  async subscription(id: string): Promise<SubscriptionTargetRecord | undefined> {
    const rows = await this.q(`SELECT doc->>'callbackUri' AS callback_uri, auth_sealed, api, major FROM subscription WHERE id = $1`, [id]);
    const r = rows[0];
    return r && { callbackUri: r.callback_uri, authSealed: r.auth_sealed, api: r.api, major: r.major };
  }
}
