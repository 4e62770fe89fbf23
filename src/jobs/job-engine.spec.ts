import { openTestDatabase, type TestDb } from '../../test/support/test-database';
import { JobEngine } from './job-engine';
import { handleOf } from '../persistence/transactions';

describe(`JobEngine on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}`, () => {
  let t: TestDb;
  let jobs: JobEngine;

  beforeAll(async () => {
    t = await openTestDatabase();
    jobs = await JobEngine.start(t.db, t.databaseUrl, { schema: t.jobsSchema, pollSeconds: 0.5 });
  });
  afterAll(async () => {
    await jobs?.stop(1000);
    await t?.drop();
  });

  const waitFor = async (pred: () => boolean, ms = 10000) => {
    const end = Date.now() + ms;
    while (!pred() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  };

  it('delivers a job sent inside a transaction only if that transaction commits', async () => {
    const seen: string[] = [];
    await jobs.ensureQueue('tx-test');
    await jobs.work<{ tag: string }>('tx-test', async (d) => {
      seen.push(d.tag);
    });

    await t.db.transaction(async (tx) => {
      await jobs.send(handleOf(tx), 'tx-test', { tag: 'committed' });
    });
    await expect(
      t.db.transaction(async (tx) => {
        await jobs.send(handleOf(tx), 'tx-test', { tag: 'rolled-back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');

    await waitFor(() => seen.includes('committed'));
    // Give a rolled-back job (were it to exist) several polling intervals to show up.
    await new Promise((r) => setTimeout(r, 1500));
    expect(seen).toEqual(['committed']);
  });

  it('has a worker that just handled a job fetch the next at once instead of waiting out its polling interval', async () => {
    // A 60 s interval: polling alone would take minutes for five jobs.
    const slow = await JobEngine.start(t.db, t.databaseUrl, { schema: t.jobsSchema, pollSeconds: 60 });
    try {
      await slow.ensureQueue('burst');
      await t.db.transaction(async (tx) => {
        for (let i = 0; i < 5; i++) await slow.send(handleOf(tx), 'burst', { i });
      });
      const seen: number[] = [];
      await slow.work<{ i: number }>('burst', async (d) => { seen.push(d.i); });
      await waitFor(() => seen.length === 5, 20_000);
      expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
    } finally {
      await slow.stop(1000);
    }
  });

  it('runs a queue with one poller: at most `concurrency` jobs at once, every job once, a throwing one retried', async () => {
    await jobs.ensureQueue('pool');
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < 7; i++) await jobs.send(handleOf(tx), 'pool', { i }, { retryLimit: 1, retryDelay: 0 });
    });
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    const attempts = new Map<number, number>();
    await jobs.workPool<{ i: number }>('pool', async ({ i }) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 100));
      inFlight--;
      attempts.set(i, (attempts.get(i) ?? 0) + 1);
      if (i === 3 && attempts.get(i) === 1) throw new Error('first attempt of 3 fails');
      done.push(i);
    }, 3);
    await waitFor(() => done.length === 7, 20_000);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(3);
    expect(attempts.get(3)).toBe(2);
  });

  it('is reachable for readiness checks', async () => {
    await expect(jobs.ping()).resolves.toBeUndefined();
  });
});
