/**
 * notification-delivery: 100 subscribers and 10,000 state changes through the real NFVO (a child process on
 * PostgreSQL): delivered notifications per second and the delay from a change's 200 to its notification's
 * arrival, against the bare loopback HTTP round-trip to the same subscriber process measured in the same run.
 *
 * Shape: 100 NSDs and 100 subscriptions, subscription n filtered to NSD n (`nsdInfoId`) and to
 * NsdChangeNotification, then 100 PATCHes per NSD alternating nsdOperationalState DISABLED/ENABLED: 10,000
 * events, each matching exactly one subscription, so 10,000 deliveries, 100 per subscriber, every one on its
 * own (subscription, NSD) ordering key. (Every subscription matching every event would be 1,000,000
 * deliveries: far too many for a run of a few minutes on a small machine.)
 */
import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { CONFIG_VARS } from '../../src/config/config.vars';
import { deliveryPolicy } from '../../src/notifications/delivery/delivery-policy';
import type { Benchmark, BenchContext } from './bench.types';
import { label, millis, ratio, reqPerSec } from './bench-line';
import { describeCpu, readCpu } from './cpu-usage';
import { percentile, postRoundTrips } from './http-roundtrip';
import { type NfvoProcess, startNfvo } from './nfvo.process';
import { clientCredentialsToken } from './oauth-token';
import { openScratch } from './scratch-schema';
import type { SubscriberDump } from './subscriber-server.child';
import { startSubscriberServer, type SubscriberServer } from './subscriber-server.process';

const NAME = 'notification-delivery';
/** NSDs = subscriptions: subscription n follows NSD n only. */
const SUBSCRIBERS = 100;
const PATCHES_PER_NSD = 100;
const EVENTS = SUBSCRIBERS * PATCHES_PER_NSD;
/** PATCHes in flight at once (never two on one NSD: its states must arrive in the order they were set). */
const PATCH_CONCURRENCY = 16;
/** Past this after the last PATCH, what has not arrived is reported missing. */
const WAIT_TIMEOUT_MS = 5 * 60_000;
const POLL_MS = 250;
const API_VERSION = '2.12.0';
const NSDS = '/nsd/v2/ns_descriptors';
const SUBSCRIPTIONS = '/nsd/v2/subscriptions';
/** The service's delivery concurrency (delivery jobs worked at once per process), read from its own defaults. */
const DELIVERY_CONCURRENCY = deliveryPolicy().concurrency;
/** How often each pg-boss worker looks for a job when it finds none (or finishes one quickly): the service default. */
const JOB_POLL_SECONDS = String(CONFIG_VARS.find((v) => v.env === 'NFVO_JOB_POLL_SECONDS')?.default?.() ?? '?');
/** The settings the NFVO gets beyond startNfvo's fixed ones: loopback callbacks are refused otherwise. */
const NFVO_ENV = { NFVO_CALLBACK_ALLOW: '127.0.0.1', LOG_LEVEL: 'warn' };

export const benchmark: Benchmark = { name: NAME, run };

/** CLOCK_MONOTONIC in milliseconds: one clock for this process and the subscriber's. */
const mono = () => Number(process.hrtime.bigint()) / 1e6;

async function run(ctx: BenchContext): Promise<void> {
  const scratch = await openScratch(ctx, NAME);
  if (!scratch) return;
  const { databaseUrl, pg, schema, jobsSchema } = scratch;

  const subscriber = await startSubscriberServer();
  ctx.defer('stop the subscriber process', async () => {
    await subscriber.stop();
  });

  const client = { id: 'bench', secret: randomBytes(24).toString('base64url') };
  const nfvo = await startNfvo({ databaseUrl, schema, jobsSchema, client, secretKeyHex: randomBytes(32).toString('hex'), pageSize: 100, env: NFVO_ENV });
  ctx.defer('stop the NFVO process', async () => {
    if ((await nfvo.stop()) === 'killed') ctx.print(`${NAME}: the NFVO process ignored SIGTERM for 10 s and was killed`);
  });
  const auth = { Authorization: `Bearer ${await clientCredentialsToken(nfvo.url, client)}`, Version: API_VERSION };

  // 1. The NSDs, onboarded and ENABLED straight in the database (onboarding itself is not what is measured).
  const setupStarted = mono();
  const nsdIds: string[] = [];
  for (let n = 0; n < SUBSCRIBERS; n++) nsdIds.push(await createNsd(nfvo.url, auth, n));
  const marked = await pg.query(
    `UPDATE ${schema}.nsd_info SET doc = doc || '{"nsdOnboardingState":"ONBOARDED","nsdOperationalState":"ENABLED"}'::jsonb WHERE id = ANY($1::uuid[])`,
    [nsdIds],
  );
  if (marked.rowCount !== SUBSCRIBERS) throw new Error(`marked ${marked.rowCount} of ${SUBSCRIBERS} NSDs onboarded`);

  // 2. One subscription per NSD; each creation makes the NFVO test the callback with a GET.
  for (let n = 0; n < SUBSCRIBERS; n++) {
    await subscribe(nfvo.url, auth, {
      callbackUri: `${subscriber.url}/s/${n}`,
      filter: { notificationTypes: ['NsdChangeNotification'], nsdInfoId: [nsdIds[n]] },
    });
  }
  const probes = (await subscriber.count()).gets;
  ctx.print(
    `${label(NAME, 'setup')}${SUBSCRIBERS} NSDs (ONBOARDED+ENABLED set in ${schema}.nsd_info) and ${SUBSCRIBERS} subscriptions (POST ${SUBSCRIPTIONS}, ${probes} callback GETs answered 204) in ${secs(mono() - setupStarted)}; ` +
      `subscription n filters NsdChangeNotification of NSD n only; subscriber: one bare Node http server in its own process (pid ${subscriber.pid}) on ${subscriber.url}/s/<n>; NFVO pid ${nfvo.child.pid} with ${Object.entries(NFVO_ENV).map(([k, v]) => `${k}=${v}`).join(' ')}, ` +
      `defaults otherwise (NFVO_JOB_POLL_SECONDS ${JOB_POLL_SECONDS}, delivery concurrency ${DELIVERY_CONCURRENCY})`,
  );
  ctx.print(
    `${label(NAME, 'setup')}measured: ${EVENTS} events = ${SUBSCRIBERS} NSDs x ${PATCHES_PER_NSD} PATCHes (nsdOperationalState DISABLED/ENABLED alternately, ${PATCH_CONCURRENCY} in flight, one at a time per NSD), ` +
      `each matching exactly one subscription: ${EVENTS} deliveries, ${PATCHES_PER_NSD} per subscriber, each subscriber on its own ordering key`,
  );

  // 3. The events.
  const pids = { nfvo: nfvo.child.pid, subscriber: subscriber.pid, bench: process.pid };
  const cpuStart = readCpu(pids, { postgres: 'postgres' });
  const patches = await drivePatches(nfvo, auth, nsdIds);
  const cpuPatchEnd = readCpu(pids, { postgres: 'postgres' });
  const atPatchEnd = await subscriber.count();
  const patchEndDb = (await pg.query<{ t: Date }>('SELECT clock_timestamp() AS t')).rows[0].t;

  // 4. Every delivery, or the time-out.
  const waited = await waitForDeliveries(subscriber, nfvo, EVENTS, patches.lastDoneAt + WAIT_TIMEOUT_MS);
  const cpuEnd = readCpu(pids, { postgres: 'postgres' });
  const a = analyse(waited.dump, nsdIds, patches);
  const engine = await engineFigures(pg, schema, jobsSchema, patchEndDb);

  // 5. Baseline: the same bytes POSTed to the same subscriber process, with the service's delivery concurrency.
  const sample = waited.dump.sample;
  if (!sample) throw new Error('no notification arrived: nothing to compare with');
  const bareSpec = { url: `${subscriber.url}/baseline`, body: sample.body, headers: sample.headers, requests: Math.max(a.delivered, 2000), warmup: 500, concurrency: DELIVERY_CONCURRENCY };
  const bareFresh = await postRoundTrips({ ...bareSpec, keepAlive: false });
  const bareKept = await postRoundTrips({ ...bareSpec, keepAlive: true });

  // 6. The figures.
  const incomplete = a.missing > 0 ? ` | INCOMPLETE: ${a.missing} of ${EVENTS} never arrived within ${WAIT_TIMEOUT_MS / 1000} s of the last PATCH` : '';
  const broken = bareFresh.failed + bareKept.failed > 0 ? ` | BASELINE ERRORS: ${bareFresh.failed + bareKept.failed} (${[...bareFresh.errorSamples, ...bareKept.errorSamples].join(', ')})` : '';
  ctx.print(
    `${label(NAME, 'rate')}nfvo ${Math.round(a.rate)} notifications/s (${a.delivered} delivered in ${secs(a.spanMs)}, first PATCH sent to last delivery) | ` +
      `bare round-trip ${reqPerSec(bareFresh.reqPerSec)} | ratio ${ratio(a.rate, bareFresh.reqPerSec)} | ` +
      `(bare: ${bareFresh.requests} POSTs of the same ${Buffer.byteLength(sample.body)}-byte body to the same subscriber, ${DELIVERY_CONCURRENCY} in flight, a new connection each as the NFVO's callback client; with keep-alive ${reqPerSec(bareKept.reqPerSec)}, ratio ${ratio(a.rate, bareKept.reqPerSec)})${incomplete}${broken}`,
  );
  ctx.print(
    `${label(NAME, 'delay')}p50 ${millis(a.p50)} p99 ${millis(a.p99)} max ${millis(a.max)} (from the PATCH's 200 to arrival, ${a.delays} notifications) | ` +
      `bare round-trip p50 ${millis(bareFresh.p50Ms)} p99 ${millis(bareFresh.p99Ms)} (keep-alive p99 ${millis(bareKept.p99Ms)})${a.unpaired ? ` | ${a.unpaired} subscriber(s) got a different count than was sent: their delays pair by position and may be off` : ''}`,
  );
  ctx.print(
    `${label(NAME, 'correctness')}order violations ${a.orderViolations}, duplicates ${a.duplicates}, missing ${a.missing}, misrouted ${a.misrouted}, stray requests ${waited.dump.odd} ` +
      `(order: per NSD the states must alternate DISABLED, ENABLED, … as sent; duplicates: the same notification id again, allowed by at-least-once)`,
  );
  ctx.print(
    `${label(NAME, 'phases')}${EVENTS} PATCHes answered 200 in ${secs(patches.lastDoneAt - patches.firstSentAt)} (${Math.round((EVENTS * 1000) / (patches.lastDoneAt - patches.firstSentAt))} events/s, PATCH p50 ${millis(patches.p50)} p99 ${millis(patches.p99)}); ` +
      `${atPatchEnd.posts} notifications had arrived when the last PATCH answered; the last arrived ${secs(a.lastArrival - patches.lastDoneAt)} after it`,
  );
  ctx.print(
    `${label(NAME, 'job-engine')}deliver-notifications jobs: ${engine.jobs} in all (${EVENTS} enqueued with the notifications, ${engine.jobs - EVENTS} by the sweeper and retries), by state ${engine.jobStates}; ` +
      `${engine.completedByLastArrival} completed by the last delivery (${(engine.completedByLastArrival / Math.max(0.001, (a.lastArrival - patches.firstSentAt) / 1000)).toFixed(1)} jobs/s, ${(a.delivered / Math.max(1, engine.completedByLastArrival)).toFixed(0)} notifications per job); ` +
      `notifications ${engine.notificationStates}, ${engine.retried} needed more than one attempt`,
  );
  ctx.print(
    `${label(NAME, 'drain')}time between consecutive deliveries of one key (one worker's loop: next-due SELECT, lease renewal, POST on a new connection, mark delivered): ` +
      `p50 ${millis(engine.gapDuring.p50)} p90 ${millis(engine.gapDuring.p90)} while PATCHes ran, p50 ${millis(engine.gapAfter.p50)} p90 ${millis(engine.gapAfter.p90)} after (gaps under 1 s, from notification.delivered_at)`,
  );
  ctx.print(`${label(NAME, 'cpu')}while PATCHes ran: ${describeCpu(cpuStart, cpuPatchEnd)} | after, until the last delivery: ${describeCpu(cpuPatchEnd, cpuEnd)}`);
}

async function createNsd(base: string, auth: Record<string, string>, n: number): Promise<string> {
  const r = await fetch(`${base}${NSDS}`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ userDefinedData: { bench: NAME, n: String(n) } }) });
  const body = await r.text();
  if (r.status !== 201) throw new Error(`POST ${NSDS} answered ${r.status}: ${body.slice(0, 300)}`);
  return (JSON.parse(body) as { id: string }).id;
}

async function subscribe(base: string, auth: Record<string, string>, request: object): Promise<void> {
  const r = await fetch(`${base}${SUBSCRIPTIONS}`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
  const body = await r.text();
  if (r.status !== 201) throw new Error(`POST ${SUBSCRIPTIONS} answered ${r.status}: ${body.slice(0, 300)}`);
}

interface Patches {
  /** doneAt[n][k]: when the k-th PATCH of NSD n had its 200 (its state change committed by then). */
  doneAt: number[][];
  firstSentAt: number;
  lastDoneAt: number;
  p50: number;
  p99: number;
}

/**
 * EVENTS PATCHes, round-robin over the NSDs, PATCH_CONCURRENCY at a time; a PATCH waits for the one before
 * it on the same NSD, so each NSD's states are set (and committed) in the order the notifications must keep.
 */
async function drivePatches(nfvo: NfvoProcess, auth: Record<string, string>, nsdIds: string[]): Promise<Patches> {
  const doneAt = nsdIds.map(() => new Array<number>(PATCHES_PER_NSD).fill(NaN));
  const latencies: number[] = [];
  const previous: Promise<unknown>[] = nsdIds.map(() => Promise.resolve());
  const headers = { ...auth, 'Content-Type': 'application/merge-patch+json' };
  let next = 0;
  let failure: Error | undefined;
  const patch = async (n: number, k: number) => {
    const state = k % 2 === 0 ? 'DISABLED' : 'ENABLED';
    const sent = mono();
    const r = await fetch(`${nfvo.url}${NSDS}/${nsdIds[n]}`, { method: 'PATCH', headers, body: JSON.stringify({ nsdOperationalState: state }) });
    const text = await r.text();
    const done = mono();
    if (r.status !== 200) throw new Error(`PATCH ${NSDS}/${nsdIds[n]} (${state}, #${k + 1}) answered ${r.status}: ${text.slice(0, 300)}`);
    doneAt[n][k] = done;
    latencies.push(done - sent);
  };
  const lane = async () => {
    while (next < EVENTS && !failure) {
      const t = next++;
      const n = t % nsdIds.length;
      const k = Math.floor(t / nsdIds.length);
      const mine = previous[n].then(() => patch(n, k));
      previous[n] = mine.catch(() => undefined);
      try {
        await mine;
      } catch (e) {
        failure ??= e as Error;
      }
    }
  };
  const firstSentAt = mono();
  await Promise.all(Array.from({ length: PATCH_CONCURRENCY }, lane));
  if (failure) throw new Error(`${failure.message}\n  last output of the NFVO process:\n${nfvo.tail.text.map((l) => `    ${l}`).join('\n')}`);
  latencies.sort((x, y) => x - y);
  return { doneAt, firstSentAt, lastDoneAt: Math.max(...doneAt.flat()), p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

/** Polls the subscriber until `expected` distinct notifications arrived, the deadline passed, or the NFVO died. */
async function waitForDeliveries(subscriber: SubscriberServer, nfvo: NfvoProcess, expected: number, deadline: number): Promise<{ dump: SubscriberDump }> {
  for (;;) {
    const c = await subscriber.count();
    const over = mono() >= deadline || nfvo.child.exitCode !== null || nfvo.child.signalCode !== null;
    if (c.posts >= expected || over) {
      const dump = await subscriber.dump();
      if (new Set(dump.id).size >= expected || over) return { dump };
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

interface Analysis {
  delivered: number;
  duplicates: number;
  missing: number;
  misrouted: number;
  orderViolations: number;
  /** Subscribers that received another count of distinct notifications than their NSD had PATCHes. */
  unpaired: number;
  delays: number;
  p50: number;
  p99: number;
  max: number;
  lastArrival: number;
  spanMs: number;
  rate: number;
}

/**
 * Pairs the k-th distinct notification a subscriber received with the k-th PATCH of its NSD (one event per
 * PATCH, delivered in order per key), counts duplicates by notification id and order violations by state.
 */
function analyse(d: SubscriberDump, nsdIds: string[], p: Patches): Analysis {
  const seen = new Set<string>();
  const received: { at: number; state: string }[][] = nsdIds.map(() => []);
  let duplicates = 0;
  let misrouted = 0;
  for (let i = 0; i < d.at.length; i++) {
    if (seen.has(d.id[i])) {
      duplicates++;
      continue;
    }
    seen.add(d.id[i]);
    const n = d.subscriber[i];
    if (!(n >= 0 && n < nsdIds.length) || d.nsdInfoId[i] !== nsdIds[n]) {
      misrouted++;
      continue;
    }
    received[n].push({ at: d.at[i], state: d.state[i] });
  }
  let orderViolations = 0;
  let unpaired = 0;
  let lastArrival = -Infinity;
  const delays: number[] = [];
  received.forEach((list, n) => {
    if (list.length !== PATCHES_PER_NSD) unpaired++;
    list.forEach((r, k) => {
      if (k === 0 ? r.state !== 'DISABLED' : r.state === list[k - 1].state) orderViolations++;
      if (k < PATCHES_PER_NSD) delays.push(r.at - p.doneAt[n][k]);
      lastArrival = Math.max(lastArrival, r.at);
    });
  });
  delays.sort((x, y) => x - y);
  const delivered = received.reduce((s, l) => s + l.length, 0);
  const spanMs = lastArrival - p.firstSentAt;
  return {
    delivered,
    duplicates,
    missing: Math.max(0, EVENTS - delivered),
    misrouted,
    orderViolations,
    unpaired,
    delays: delays.length,
    p50: percentile(delays, 0.5),
    p99: percentile(delays, 0.99),
    max: delays.length ? delays[delays.length - 1] : NaN,
    lastArrival,
    spanMs,
    rate: spanMs > 0 ? (delivered * 1000) / spanMs : 0,
  };
}

/** What the job engine and the outbox did, from the service's own tables. */
async function engineFigures(pg: Client, schema: string, jobsSchema: string, patchEnd: Date) {
  const jobs = await pg.query<{ state: string; n: string }>(
    `SELECT state, count(*) AS n FROM ${jobsSchema}.job WHERE name = 'deliver-notifications' GROUP BY state ORDER BY state`,
  );
  const completed = await pg.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${jobsSchema}.job WHERE name = 'deliver-notifications' AND state = 'completed'
       AND completed_on <= (SELECT max(delivered_at) FROM ${schema}.notification)`,
  );
  const notifications = await pg.query<{ state: string; n: string }>(`SELECT state, count(*) AS n FROM ${schema}.notification GROUP BY state ORDER BY state`);
  const retried = await pg.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.notification WHERE attempts > 1`);
  const gap = async (during: boolean) => {
    const { rows } = await pg.query<{ p50: number | null; p90: number | null }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) AS p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY gap) AS p90 FROM (
         SELECT delivered_at, extract(epoch FROM delivered_at - lag(delivered_at) OVER (PARTITION BY subscription_id, ordering_key ORDER BY seq)) * 1000 AS gap
         FROM ${schema}.notification WHERE state = 'DELIVERED') g
       WHERE gap < 1000 AND (delivered_at <= $1) = $2`,
      [patchEnd, during],
    );
    return { p50: Number(rows[0].p50 ?? NaN), p90: Number(rows[0].p90 ?? NaN) };
  };
  const list = (rows: { state: string; n: string }[]) => rows.map((r) => `${r.state} ${r.n}`).join(', ') || 'none';
  return {
    jobs: jobs.rows.reduce((s, r) => s + Number(r.n), 0),
    jobStates: list(jobs.rows),
    completedByLastArrival: Number(completed.rows[0].n),
    notificationStates: list(notifications.rows),
    retried: Number(retried.rows[0].n),
    gapDuring: await gap(true),
    gapAfter: await gap(false),
  };
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
