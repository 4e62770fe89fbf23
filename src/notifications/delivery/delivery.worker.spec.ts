import { randomBytes } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { openTestDatabase, type TestDb } from '../../../test/support/test-database';
import { APP_KEYS } from '../../config/config.module';
import { JobEngine } from '../../jobs/job-engine';
import { Database } from '../../persistence/database';
import { handleOf } from '../../persistence/transactions';
import { deliveryPolicy } from './delivery-policy';
import { DELIVER_NOTIFICATIONS_QUEUE, enqueueDeliveries } from './delivery-queue';
import { DeliverySweeper } from './delivery-sweeper';
import { deliveryProviders } from './index';
import { NotificationStore } from './notification.store';
import { insertNotifications, insertSubscription, notificationRows, waitFor } from './outbox.fixture';
import { SubscriberServer } from './subscriber-server.fixture';

describe(`DeliveryWorker on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}`, () => {
  let t: TestDb;
  let jobs: JobEngine;
  let app: TestingModule;
  let sub: SubscriberServer;
  let leftOver: string;
  const delivered = async (subscriptionId: string) => (await notificationRows(t.db, subscriptionId)).every((r) => r.state === 'DELIVERED');

  beforeAll(async () => {
    t = await openTestDatabase();
    jobs = await JobEngine.start(t.db, t.databaseUrl, { schema: t.jobsSchema, pollSeconds: 0.5 });
    sub = await SubscriberServer.start();
    // Written before the service started, with no job: what a crash between commit and delivery leaves.
    leftOver = await insertSubscription(t.db, { callbackUri: `${sub.url}/left-over` });
    await insertNotifications(t.db, leftOver, 'ns-1', [1, 2, 3]);
    // Only the start-up sweep runs here: the jobs alone must deliver everything else.
    const policy = deliveryPolicy({ timeoutMs: 1500, leaseMs: 6000, sweepIntervalMs: 60_000, concurrency: 4, allowAddresses: () => true, backoff: { baseMs: 50 } });
    app = await Test.createTestingModule({
      providers: [
        { provide: Database, useValue: t.db },
        { provide: JobEngine, useValue: jobs },
        { provide: APP_KEYS, useValue: { encryption: randomBytes(32) } },
        ...deliveryProviders(policy),
      ],
    }).compile();
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await jobs?.stop(2000);
    await sub?.close();
    await t?.drop();
  });

  const writeWithJob = async (subscriptionId: string, key: string, ns: number[]) => {
    await insertNotifications(t.db, subscriptionId, key, ns);
    await t.db.transaction((m) => jobs.send(handleOf(m), DELIVER_NOTIFICATIONS_QUEUE, { subscriptionId, orderingKey: key }));
  };

  it('delivers notifications a crash left pending, found by the start-up sweep', async () => {
    await waitFor(() => delivered(leftOver));
    expect(sub.received.filter((r) => r.path === '/left-over').map((r) => r.json.n)).toEqual([1, 2, 3]);
  });

  it('delivers on the job written with the notifications, and retries at the rescheduled time', async () => {
    let failures = 2;
    const flaky = await SubscriberServer.start((_r, res) => res.writeHead(failures-- > 0 ? 502 : 204).end());
    const id = await insertSubscription(t.db, { callbackUri: `${flaky.url}/cb` });
    await writeWithJob(id, 'ns-2', [1, 2]);
    await waitFor(() => delivered(id), 15000);
    expect(flaky.ns()).toEqual([1, 1, 1, 2]);
    await flaky.close();
  });

  it('keeps a hanging subscriber from holding up another one', async () => {
    const hanging = await SubscriberServer.start(() => undefined);
    const slow = await insertSubscription(t.db, { callbackUri: `${hanging.url}/cb` });
    const fast = await insertSubscription(t.db, { callbackUri: `${sub.url}/fast` });
    await writeWithJob(slow, 'ns-3', [1]);
    await waitFor(() => hanging.received.length === 1);
    const t0 = Date.now();
    await writeWithJob(fast, 'ns-3', [1]);
    await waitFor(() => delivered(fast));
    expect(Date.now() - t0).toBeLessThan(1500); // before the hanging attempt even times out
    await waitFor(async () => (await notificationRows(t.db, slow))[0].last_error === 'timed out after 1500 ms');
    await hanging.close();
  });

  it('sweeps keys that are due and free, and none that wait or are held', async () => {
    const store = new NotificationStore(t.db);
    const enqueued: Array<{ subscriptionId: string; orderingKey: string }> = [];
    const sweeper = new DeliverySweeper(store, async (keys) => void enqueued.push(...keys), 60_000);
    const id = await insertSubscription(t.db, { callbackUri: 'http://192.0.2.1/never-called' });
    await insertNotifications(t.db, id, 'due', [1, 2]);
    const [waiting] = await insertNotifications(t.db, id, 'waiting', [1, 2]);
    await t.db.dataSource.query(`UPDATE notification SET next_attempt_at = now() + interval '1 hour' WHERE id = $1`, [waiting]);
    await insertNotifications(t.db, id, 'held', [1]);
    await store.acquireLease({ subscriptionId: id, orderingKey: 'held' }, 'another-replica', 60_000);
    await sweeper.sweep();
    // Only this subscription's keys: an earlier test's hanging subscriber may legitimately be due again.
    expect(enqueued.filter((k) => k.subscriptionId === id).map((k) => k.orderingKey).sort()).toEqual(['due']);
  });

  it('sweeps periodically: pending rows without a job are delivered', async () => {
    const sweeper = new DeliverySweeper(new NotificationStore(t.db), (keys) => enqueueDeliveries(t.db, jobs, keys), 200);
    sweeper.start();
    try {
      const id = await insertSubscription(t.db, { callbackUri: `${sub.url}/swept` });
      await insertNotifications(t.db, id, 'ns-4', [1, 2]);
      await waitFor(() => delivered(id));
      expect(sub.received.filter((r) => r.path === '/swept').map((r) => r.json.n)).toEqual([1, 2]);
    } finally {
      await sweeper.stop();
    }
  });
});
