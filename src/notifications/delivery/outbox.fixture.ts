import { randomUUID } from 'node:crypto';
import type { Database } from '../../persistence/database';

/** Rows written straight into the outbox tables, as the notification writer would. */
export async function insertSubscription(db: Database, o: { callbackUri: string; authSealed?: string; api?: string; major?: string }): Promise<string> {
  const id = randomUUID();
  const doc = { id, callbackUri: o.callbackUri, api: o.api ?? 'nslcm', major: o.major ?? 'v2' };
  await db.dataSource.query(`INSERT INTO subscription (id, api, major, doc, auth_sealed, dedup_key, api_root) VALUES ($1, $2, $3, $4::jsonb, $5, $6, 'http://nfvo.test')`, [
    id,
    doc.api,
    doc.major,
    JSON.stringify(doc),
    o.authSealed ?? null,
    id,
  ]);
  return id;
}

/** Notifications whose body is `{ n }`, written one after another (so seq follows `ns`). */
export async function insertNotifications(db: Database, subscriptionId: string, orderingKey: string, ns: number[]): Promise<string[]> {
  const ids: string[] = [];
  for (const n of ns) {
    const id = randomUUID();
    await db.dataSource.query(`INSERT INTO notification (id, subscription_id, ordering_key, type, body) VALUES ($1, $2, $3, 'TestNotification', $4::jsonb)`, [
      id,
      subscriptionId,
      orderingKey,
      JSON.stringify({ id, n, subscriptionId }),
    ]);
    ids.push(id);
  }
  return ids;
}

export interface NotificationRow {
  n: number;
  state: string;
  attempts: number;
  last_error: string | null;
}

export async function notificationRows(db: Database, subscriptionId: string): Promise<NotificationRow[]> {
  const rows: NotificationRow[] = await db.dataSource.query(
    `SELECT (body->>'n')::int AS n, state, attempts, last_error FROM notification WHERE subscription_id = $1 ORDER BY seq`,
    [subscriptionId],
  );
  return rows.map((r) => ({ ...r, n: Number(r.n), attempts: Number(r.attempts) }));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(check: () => boolean | Promise<boolean>, ms = 10000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await sleep(25);
  }
}
