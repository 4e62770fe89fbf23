import { startTestApp } from '../support/test-app';
import { openTestDatabase, type TestDb } from '../support/test-database';
import { TestSubscriber } from '../support/subscriber';

const V2 = { Version: '2.12.0' };

/** Notifications survive a restart of the service, and one that cannot be delivered is kept and visible. */
describe('notification durability', () => {
  let sub: TestSubscriber;
  let db: TestDb;

  beforeAll(async () => {
    sub = await new TestSubscriber().start();
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await sub?.close();
    await db?.drop();
  });

  const env = { NFVO_CALLBACK_ALLOW: '127.0.0.1', NFVO_NOTIFICATION_HORIZON_SECONDS: '2' };

  it('delivers after a restart what was still pending when the service stopped', async () => {
    const first = await startTestApp(env, db);
    const auth = { Authorization: `Bearer ${await first.token()}`, ...V2 };
    const s = await first.http.post('/nsd/v2/subscriptions').set(auth).send({ callbackUri: `${sub.url}/restart`, filter: { notificationTypes: ['NsdChangeNotification'] } });
    expect(s.status).toBe(201);
    sub.mode = 'fail';
    const nsd = (await first.http.post('/nsd/v2/ns_descriptors').set(auth).send({})).body.id;
    await db.db.dataSource.query(`UPDATE nsd_info SET doc = doc || '{"nsdOnboardingState":"ONBOARDED","nsdOperationalState":"ENABLED"}'::jsonb WHERE id = $1`, [nsd]);
    await first.http.patch(`/nsd/v2/ns_descriptors/${nsd}`).set(auth).set('Content-Type', 'application/merge-patch+json').send('{"nsdOperationalState":"DISABLED"}');
    await new Promise((r) => setTimeout(r, 300));
    await first.close();
    expect(sub.received).toHaveLength(0);

    sub.mode = 'ok';
    const second = await startTestApp(env, db);
    try {
      await sub.waitFor(1, 20000);
      expect(sub.received[0].body).toMatchObject({ notificationType: 'NsdChangeNotification', nsdInfoId: nsd, nsdOperationalState: 'DISABLED', subscriptionId: s.body.id });
    } finally {
      await second.close();
    }
  });

  it('keeps a notification it could not deliver within the horizon as UNDELIVERABLE, visible with the reason', async () => {
    const a = await startTestApp(env, db);
    try {
      const auth = { Authorization: `Bearer ${await a.token()}`, ...V2 };
      const s = await a.http.post('/nsd/v2/subscriptions').set(auth).send({ callbackUri: `${sub.url}/gone`, filter: { notificationTypes: ['NsdChangeNotification'] } });
      sub.mode = 'fail';
      const nsd = (await a.http.post('/nsd/v2/ns_descriptors').set(auth).send({})).body.id;
      await db.db.dataSource.query(`UPDATE nsd_info SET doc = doc || '{"nsdOnboardingState":"ONBOARDED","nsdOperationalState":"ENABLED"}'::jsonb WHERE id = $1`, [nsd]);
      await a.http.patch(`/nsd/v2/ns_descriptors/${nsd}`).set(auth).set('Content-Type', 'application/merge-patch+json').send('{"nsdOperationalState":"DISABLED"}');
      const query = `/nfvo/v1/notifications?filter=(eq,subscriptionId,${s.body.id});(eq,state,UNDELIVERABLE)`;
      let found: Array<{ lastError: string; attempts: number; notification: { nsdInfoId: string } }> = [];
      for (let i = 0; i < 100 && !found.length; i++) {
        await new Promise((r) => setTimeout(r, 200));
        found = (await a.http.get(query).set(auth)).body;
      }
      expect(found).toHaveLength(1);
      expect(found[0].lastError).toMatch(/500/);
      expect(found[0].attempts).toBeGreaterThan(1);
      expect(found[0].notification.nsdInfoId).toBe(nsd);
    } finally {
      sub.mode = 'ok';
      await a.close();
    }
  });
});
