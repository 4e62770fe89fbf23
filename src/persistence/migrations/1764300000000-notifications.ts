import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subscriptions of every SOL005 API, and the transactional outbox of notifications: a notification row is
 * written in the transaction of the change it reports, then delivered at least once, in order per
 * (subscription, ordering key), by whichever replica holds the key's lease.
 */
export class Notifications1764300000000 implements MigrationInterface {
  name = 'Notifications1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE subscription (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL UNIQUE,
      api text NOT NULL,
      major text NOT NULL,
      doc jsonb NOT NULL,
      revision integer NOT NULL DEFAULT 1,
      auth_sealed text,
      api_root text NOT NULL,
      dedup_key text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX subscription_api ON subscription (api)`);
    await q.query(`CREATE INDEX subscription_doc_gin ON subscription USING gin (doc jsonb_path_ops) WITH (fastupdate = off)`);

    await q.query(`CREATE TABLE notification (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL UNIQUE,
      subscription_id uuid NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
      ordering_key text NOT NULL,
      type text NOT NULL,
      body jsonb NOT NULL,
      state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'UNDELIVERABLE')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz
    )`);
    await q.query(`CREATE INDEX notification_queue ON notification (subscription_id, ordering_key, seq) WHERE state = 'PENDING'`);
    await q.query(`CREATE INDEX notification_due ON notification (next_attempt_at) WHERE state = 'PENDING'`);

    // Our /nfvo/v1/notifications resource reads this view (filterable like any SOL005 collection).
    await q.query(`CREATE VIEW notification_doc AS SELECT id, seq, 1 AS revision, jsonb_strip_nulls(jsonb_build_object(
      'id', id, 'subscriptionId', subscription_id, 'notificationType', type, 'orderingKey', ordering_key, 'state', state,
      'attempts', attempts, 'nextAttemptAt', next_attempt_at, 'lastError', last_error, 'createdAt', created_at,
      'deliveredAt', delivered_at, 'notification', body)) AS doc FROM notification`);

    // Who delivers a (subscription, ordering key) right now: one holder at a time keeps the order.
    await q.query(`CREATE TABLE delivery_lease (
      subscription_id uuid NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
      ordering_key text NOT NULL,
      holder text NOT NULL,
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (subscription_id, ordering_key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW notification_doc`);
    for (const t of ['delivery_lease', 'notification', 'subscription']) await q.query(`DROP TABLE ${t}`);
  }
}
