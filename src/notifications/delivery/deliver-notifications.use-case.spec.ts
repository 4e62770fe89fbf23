import { randomBytes, randomUUID } from 'node:crypto';
import { openTestDatabase, type TestDb } from '../../../test/support/test-database';
import { HttpCallbackClient } from '../../adapters/http/callback-client';
import { SecretBox } from '../../shared/secret-box';
import { parseCallbackAllow } from './callback-allow';
import { DeliverNotifications } from './deliver-notifications.use-case';
import { deliveryPolicy, type DeliveryPolicyInput } from './delivery-policy';
import type { DeliveryKey } from './delivery-store.port';
import { NotificationSender } from './notification-sender';
import { NotificationStore } from './notification.store';
import { OAuth2TokenSource } from './oauth2-token-source';
import { insertNotifications, insertSubscription, notificationRows, sleep } from './outbox.fixture';
import { SubscriberAuth } from './subscriber-auth';
import { SubscriberServer } from './subscriber-server.fixture';

describe(`DeliverNotifications on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}`, () => {
  let t: TestDb;
  let sub: SubscriberServer;
  const servers: SubscriberServer[] = [];
  const server = async (h: Parameters<typeof SubscriberServer.start>[0]) => {
    const s = await SubscriberServer.start(h);
    servers.push(s);
    return s;
  };
  const box = new SecretBox(randomBytes(32));
  const http = new HttpCallbackClient();

  const useCase = (o: DeliveryPolicyInput = {}) => {
    const policy = deliveryPolicy({ timeoutMs: 500, leaseMs: 2000, allowAddresses: () => true, ...o, backoff: { baseMs: 50, ...o.backoff } });
    const auth = new SubscriberAuth(new OAuth2TokenSource(http, { timeoutMs: 500, maxResponseBytes: 4096, allowSensitive: true }));
    return new DeliverNotifications({ store: new NotificationStore(t.db), sender: new NotificationSender(http, auth, policy), box, policy });
  };
  /** What the job engine does: run again at each rescheduleAt until nothing is left to retry. */
  const drive = async (uc: DeliverNotifications, key: DeliveryKey) => {
    for (let r = await uc.execute(key); r.rescheduleAt; r = await uc.execute(key)) await sleep(Math.max(0, r.rescheduleAt.getTime() - Date.now()) + 5);
  };
  const seed = async (ns: number[], o: { url?: string; authSealed?: string; key?: string } = {}) => {
    const subscriptionId = await insertSubscription(t.db, { callbackUri: o.url ?? `${sub.url}/cb`, authSealed: o.authSealed });
    const key = { subscriptionId, orderingKey: o.key ?? `ns-${randomUUID()}` };
    await insertNotifications(t.db, subscriptionId, key.orderingKey, ns);
    return key;
  };

  beforeAll(async () => {
    t = await openTestDatabase();
    sub = await SubscriberServer.start();
  });
  afterAll(async () => {
    await Promise.all([sub, ...servers].map((s) => s?.close()));
    await t?.drop();
  });
  beforeEach(() => {
    sub.received.length = 0;
    sub.handler = (_r, res) => res.writeHead(204).end();
  });

  it('delivers the notifications of a key in the order they were written, as JSON', async () => {
    const key = await seed([1, 2, 3, 4, 5]);
    await expect(useCase().execute(key)).resolves.toEqual({});
    expect(sub.ns()).toEqual([1, 2, 3, 4, 5]);
    expect(sub.received[0].headers).toMatchObject({ 'content-type': 'application/json', accept: 'application/json' });
    expect((await notificationRows(t.db, key.subscriptionId)).map((r) => [r.state, r.attempts])).toEqual(Array(5).fill(['DELIVERED', 1]));
  });

  it('keeps a failing subscriber from blocking another, and holds back the failing key behind its head', async () => {
    const broken = await server((_r, res) => res.writeHead(500).end('database is down'));
    const a = await seed([1, 2], { url: `${broken.url}/cb`, key: 'ns-shared' });
    const b = await seed([1, 2], { key: 'ns-shared' });
    // A minute of backoff keeps the retry not yet due however slowly this machine runs the next call.
    const slow = { backoff: { baseMs: 60_000 } };
    const [ra, rb] = await Promise.all([useCase(slow).execute(a), useCase().execute(b)]);
    expect(ra.rescheduleAt).toBeInstanceOf(Date);
    expect(rb).toEqual({});
    expect(sub.ns()).toEqual([1, 2]);
    expect(broken.ns()).toEqual([1]); // notification 2 waits behind 1
    expect(await notificationRows(t.db, a.subscriptionId)).toEqual([
      { n: 1, state: 'PENDING', attempts: 1, last_error: 'the subscriber answered 500: database is down' },
      { n: 2, state: 'PENDING', attempts: 0, last_error: null },
    ]);
    // Not due yet: nothing is sent, and the retry job already scheduled stays the only one.
    await expect(useCase(slow).execute(a)).resolves.toEqual({});
    expect(broken.ns()).toEqual([1]);
  });

  it('delivers everything, in order, to a subscriber that fails for a while and recovers', async () => {
    sub.handler = (_r, res, count) => res.writeHead(count <= 4 ? 500 : 204).end();
    const key = await seed([1, 2, 3, 4]);
    await drive(useCase(), key);
    const got = sub.ns();
    expect(got.slice(0, 4)).toEqual([1, 1, 1, 1]);
    expect([...new Set(got)]).toEqual([1, 2, 3, 4]);
    expect(got).toEqual([...got].sort((x, y) => x - y)); // duplicates allowed (at least once), reordering never
    expect((await notificationRows(t.db, key.subscriptionId)).map((r) => [r.n, r.state, r.attempts])).toEqual([
      [1, 'DELIVERED', 5],
      [2, 'DELIVERED', 1],
      [3, 'DELIVERED', 1],
      [4, 'DELIVERED', 1],
    ]);
  });

  it('gives a notification up at the horizon and delivers the next one', async () => {
    sub.handler = (r, res) => res.writeHead(r.json?.n === 1 ? 503 : 204).end();
    const key = await seed([1, 2]);
    await drive(useCase({ horizonMs: 400 }), key);
    const [first, second] = await notificationRows(t.db, key.subscriptionId);
    expect(first).toMatchObject({ state: 'UNDELIVERABLE', last_error: expect.stringMatching(/^undeliverable after \d+ attempts: the subscriber answered 503$/) });
    expect(first.attempts).toBeGreaterThanOrEqual(3);
    expect(second).toMatchObject({ state: 'DELIVERED', attempts: 1 });
    expect(sub.ns().at(-1)).toBe(2);
  });

  it('records time-outs, redirects and unreadably long answers as failed attempts', async () => {
    const odd = await server((r, res) => {
      if (r.path === '/hang') return;
      if (r.path === '/redirect') return res.writeHead(307, { Location: 'http://evil.example/' }).end();
      res.writeHead(500).end('y'.repeat(200_000));
    });
    const hang = await seed([1], { url: `${odd.url}/hang` });
    const redirect = await seed([1], { url: `${odd.url}/redirect` });
    const huge = await seed([1], { url: `${odd.url}/huge` });
    await Promise.all([hang, redirect, huge].map((k) => useCase({ timeoutMs: 300, maxResponseBytes: 100 }).execute(k)));
    const error = async (k: DeliveryKey) => (await notificationRows(t.db, k.subscriptionId))[0].last_error;
    expect(await error(hang)).toBe('timed out after 300 ms');
    expect(await error(redirect)).toBe('redirected (307) to http://evil.example/; redirects are not followed');
    expect(await error(huge)).toBe(`the subscriber answered 500: ${'y'.repeat(100)}`);
  });

  it('refuses a loopback callback unless the operator allows it', async () => {
    const key = await seed([1], { url: `${sub.url.replace('127.0.0.1', 'localhost')}/cb` });
    await useCase({ allowAddresses: parseCallbackAllow('') }).execute(key);
    expect(sub.received).toHaveLength(0);
    expect((await notificationRows(t.db, key.subscriptionId))[0].last_error).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), an address notifications are not sent to \(NFVO_CALLBACK_ALLOW\)$/);
    await sleep(120);
    await useCase({ allowAddresses: parseCallbackAllow('127.0.0.0/8,::1') }).execute(key);
    expect(sub.ns()).toEqual([1]);
  });

  it('authenticates with the sealed credentials of the subscription', async () => {
    const key = await seed([1], { authSealed: box.seal(JSON.stringify({ authType: ['BASIC'], paramsBasic: { userName: 'oss', password: 'pw' } })) });
    await useCase().execute(key);
    expect(sub.received[0].headers.authorization).toBe(`Basic ${Buffer.from('oss:pw').toString('base64')}`);
    const unreadable = await seed([1], { authSealed: new SecretBox(randomBytes(32)).seal('{}') });
    await useCase().execute(unreadable);
    expect((await notificationRows(t.db, unreadable.subscriptionId))[0].last_error).toMatch(/stored credentials cannot be opened/);
  });

  it("sends the Version of the subscription's API on its callbacks", async () => {
    for (const [api, major] of [['nsd', 'v2'], ['nsd', 'v1'], ['unknown', 'v9']]) {
      const id = await insertSubscription(t.db, { callbackUri: `${sub.url}/cb`, api, major });
      await insertNotifications(t.db, id, 'k', [1]);
      await useCase().execute({ subscriptionId: id, orderingKey: 'k' });
    }
    expect(sub.received.map((r) => r.headers.version)).toEqual(['2.12.0', '1.0.0', undefined]);
  });

  it('lets one of two concurrent deliveries of a key hold it: each notification once, in order', async () => {
    sub.handler = (_r, res) => setTimeout(() => res.writeHead(204).end(), 15);
    const key = await seed([1, 2, 3, 4, 5, 6]);
    await Promise.all([useCase().execute(key), useCase().execute(key), useCase().execute(key)]);
    expect(sub.ns()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('waits for a live lease and takes over an expired one', async () => {
    const key = await seed([1]);
    const lease = (interval: string) =>
      t.db.dataSource.query(`INSERT INTO delivery_lease (subscription_id, ordering_key, holder, expires_at) VALUES ($1, $2, 'crashed', now() + interval '${interval}')
        ON CONFLICT (subscription_id, ordering_key) DO UPDATE SET expires_at = EXCLUDED.expires_at`, [key.subscriptionId, key.orderingKey]);
    await lease('1 minute');
    await useCase().execute(key);
    expect(sub.received).toHaveLength(0);
    await lease('-1 second');
    await useCase().execute(key);
    expect(sub.ns()).toEqual([1]);
  });
});
