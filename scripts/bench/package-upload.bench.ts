/**
 * package-upload: a ~200 MiB SONATA package (an NSD, a VNFD and a 200 MiB VM image) streamed from disk with
 * PUT nsd_content to the real NFVO, then onboarded by its job, while the NFVO process's resident memory is
 * sampled: streaming means its peak RSS growth stays under 64 MiB whatever the package size. Baseline, in the
 * same run: the same file streamed to a bare Node http server that reads and discards the body.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_VARS } from '../../src/config/config.vars';
import { writeLargeSonPackage } from '../make-package/large-package';
import type { Benchmark, BenchContext } from './bench.types';
import { indented, label, ratio, verdict } from './bench-line';
import { forkServer } from './forked-server';
import { streamFile } from './http-upload';
import { startNfvo } from './nfvo.process';
import { clientCredentialsToken } from './oauth-token';
import { readProcMemory, resetPeak, RssSampler, type PhasePeak, type ProcMemory } from './rss-sampler';
import { openScratch } from './scratch-schema';

const NAME = 'package-upload';
const MiB = 1024 * 1024;
const IMAGE_BYTES = 200 * MiB;
const TARGET_GROWTH = 64 * MiB;
const SAMPLE_MS = 50;
const API_VERSION = '2.12.0';
const COLLECTION = '/nsd/v2/ns_descriptors';
/** Onboarding a 200 MiB package takes seconds; past this something is stuck. */
const ONBOARDING_TIMEOUT_MS = 10 * 60_000;
/** Lets the freshly started NFVO finish what it does after /ready (JIT, pools, first job polls) before the baseline. */
const SETTLE_MS = 2000;

export const benchmark: Benchmark = { name: NAME, run };

/**
 * startNfvo passes no NFVO_* variable to the service, so NFVO_MAX_PACKAGE_BYTES is the service's default (1 GiB
 * when written), read from the same table the service reads it from.
 */
function defaultMaxPackageBytes(): number {
  const spec = CONFIG_VARS.find((v) => v.env === 'NFVO_MAX_PACKAGE_BYTES');
  const value: unknown = spec?.default?.();
  if (typeof value !== 'number') throw new Error('NFVO_MAX_PACKAGE_BYTES has no numeric default in src/config/config.vars.ts');
  return value;
}

/** Memory of one process over one upload (and onboarding, for the NFVO). */
interface MemoryFigures {
  before: ProcMemory;
  phases: PhasePeak[];
  end?: ProcMemory;
  /** VmHWM was reset just before the upload, so end.hwm is the exact peak of the window. */
  exactPeak: boolean;
}

/** The peak growth over the RSS just before the upload: exact from VmHWM when it was reset, else sampled. */
function growth(m: MemoryFigures): { bytes: number; how: string } {
  const sampled = Math.max(...m.phases.map((p) => p.peak)) - m.before.rss;
  if (m.exactPeak && m.end) return { bytes: Math.max(m.end.hwm - m.before.rss, sampled), how: 'VmHWM' };
  return { bytes: sampled, how: `sampled every ${SAMPLE_MS} ms` };
}

async function run(ctx: BenchContext): Promise<void> {
  const db = await openScratch(ctx, NAME);
  if (!db) return;
  const { databaseUrl, schema, jobsSchema } = db;
  // Everything on disk goes under one directory: the package, and the NFVO's own work files (its TMPDIR),
  // so even an NFVO killed in the middle of onboarding leaves nothing behind once this is removed.
  const scratch = await mkdtemp(join(tmpdir(), 'nfvo-bench-upload-'));
  ctx.defer(`remove ${scratch}`, () => rm(scratch, { recursive: true, force: true }));
  const file = join(scratch, 'large-package.son');
  const nfvoTmp = await mkdtemp(join(scratch, 'nfvo-tmp-'));

  const maxPackageBytes = defaultMaxPackageBytes();
  const writeStarted = performance.now();
  const pkg = await writeLargeSonPackage(file, IMAGE_BYTES);
  ctx.print(`${label(NAME, 'setup')}SONATA package of ${mib(pkg.bytes)} (NSD + VNFD + ${mib(pkg.imageBytes)} random VM image, stored) written in ${secs(performance.now() - writeStarted)} to ${scratch}; it carries a service, so it goes to an NSD: POST ${COLLECTION}, PUT …/nsd_content (application/zip, streamed from disk); NFVO_MAX_PACKAGE_BYTES ${mib(maxPackageBytes)} (the service default); RSS from /proc/<pid>/status every ${SAMPLE_MS} ms`);
  if (pkg.bytes > maxPackageBytes) ctx.print(`${label(NAME, 'setup')}the package is larger than NFVO_MAX_PACKAGE_BYTES: the NFVO will refuse it (413)`);

  // 1. Baseline: a bare server that reads and discards the same bytes.
  const bare = await forkServer('discard-server.child', 'discard server', { start: true });
  ctx.defer('stop the discard server', async () => {
    await bare.stop();
  });
  await sleep(500);
  const bareMemory = await measured(bare.pid, async (sampler) => {
    const r = await streamFile(`${bare.url}/upload`, file, { 'Content-Type': 'application/zip' });
    sampler.enter('after');
    return r;
  });
  await bare.stop();
  const bareUpload = bareMemory.result;
  if (bareUpload.status !== 204 || bareUpload.headers['x-received-bytes'] !== String(pkg.bytes)) {
    throw new Error(`the discard server answered ${bareUpload.status} having read ${String(bareUpload.headers['x-received-bytes'])} of ${pkg.bytes} bytes`);
  }

  // 2. The NFVO: upload, then onboarding by its job.
  const client = { id: 'bench', secret: randomBytes(24).toString('base64url') };
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = nfvoTmp; // inherited by the child (startNfvo passes through everything but NFVO_*, PORT, HOST)
  let nfvo;
  try {
    nfvo = await startNfvo({ databaseUrl, schema, jobsSchema, client, secretKeyHex: randomBytes(32).toString('hex'), pageSize: 100 });
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
  const service = nfvo;
  ctx.defer('stop the NFVO process', async () => {
    if ((await service.stop()) === 'killed') ctx.print(`${NAME}: the NFVO process ignored SIGTERM for 10 s and was killed`);
  });
  const pid = service.child.pid;
  if (pid === undefined) throw new Error('the NFVO process has no pid');
  const auth = { Authorization: `Bearer ${await clientCredentialsToken(service.url, client)}`, Version: API_VERSION };
  const nsdInfoId = await createNsd(service.url, auth);
  await sleep(SETTLE_MS);

  const nfvoMemory = await measured(pid, async (sampler) => {
    const upload = await streamFile(`${service.url}${COLLECTION}/${nsdInfoId}/nsd_content`, file, { ...auth, 'Content-Type': 'application/zip' });
    if (upload.status !== 202) return { upload };
    sampler.enter('onboarding');
    const onboardingStarted = performance.now();
    const state = await settle(service.url, nsdInfoId, auth);
    const onboardingMs = performance.now() - onboardingStarted;
    sampler.enter('after');
    return { upload, state, onboardingMs };
  });
  const { upload, state, onboardingMs } = nfvoMemory.result;
  if (upload.status !== 202) {
    throw new Error(`PUT nsd_content answered ${upload.status} after ${secs(upload.ms)}: ${upload.body.slice(0, 500)}\n  last output of the NFVO process:\n${service.tail.text.map((l) => `    ${l}`).join('\n')}`);
  }
  const afterMemory = readProcMemory(pid);

  // 3. The figures.
  const onboarded = state?.nsdOnboardingState === 'ONBOARDED';
  const invalid = onboarded ? '' : ' | ONBOARDING FAILED: figures not valid';
  ctx.print(`${label(NAME, 'upload')}ratio ${ratio(upload.ms, bareUpload.ms)} to bare (time) | nfvo ${secs(upload.ms)}, ${mibPerSec(upload.bytes, upload.ms)} (PUT to 202: streamed into the database) | bare ${secs(bareUpload.ms)}, ${mibPerSec(bareUpload.bytes, bareUpload.ms)}${invalid}`);
  ctx.print(`${label(NAME, 'onboarding')}nfvo ${secs(onboardingMs ?? 0)} from the 202 to ${state?.nsdOnboardingState ?? '?'}, ${mibPerSec(pkg.bytes, onboardingMs ?? 0)} (job pick-up, package copied out of the database, unpack, checksums, descriptors and manifests stored; artifacts stay inside the stored package) | upload + onboarding ${secs(upload.ms + (onboardingMs ?? 0))}, ${mibPerSec(pkg.bytes, upload.ms + (onboardingMs ?? 0))}${onboarded ? `; NSD ${String(state?.nsdId)}, ${(state?.vnfPkgIds ?? []).length} VNF package(s)` : ''}`);
  const g = growth(nfvoMemory);
  const bg = growth(bareMemory);
  ctx.print(`${label(NAME, 'peak-rss-growth')}ratio ${ratio(g.bytes, bg.bytes)} to bare | nfvo ${mib(g.bytes)} (${g.how}) over ${mib(nfvoMemory.before.rss)} before the upload | bare ${mib(bg.bytes)} (${bg.how}) over ${mib(bareMemory.before.rss)} | target < ${mib(TARGET_GROWTH)}: ${verdict(g.bytes < TARGET_GROWTH)}${invalid}`);
  ctx.print(`${label(NAME, 'rss-by-phase')}nfvo ${phaseText(nfvoMemory)}, RSS after onboarding ${mib(afterMemory.rss)} | bare ${phaseText(bareMemory)}`);

  if (!onboarded) {
    ctx.print(`${label(NAME, 'onboarding')}failure details (GET ${COLLECTION}/${nsdInfoId}?all_fields):`);
    for (const line of indented(JSON.stringify(state?.onboardingFailureDetails ?? state ?? null, null, 2).split('\n').slice(0, 60))) ctx.print(line);
  }
}

/** Starts sampling the process, resets its VmHWM, runs `work`, and returns the memory figures with its result. */
async function measured<T>(pid: number, work: (sampler: RssSampler) => Promise<T>): Promise<MemoryFigures & { result: T }> {
  const sampler = new RssSampler(pid, SAMPLE_MS);
  const exactPeak = resetPeak(pid);
  const before = sampler.start('upload');
  try {
    const result = await work(sampler);
    const { phases, end } = sampler.stop();
    return { before, phases, end, exactPeak, result };
  } finally {
    sampler.stop();
  }
}

/** `upload peak 150.2 MiB at 1.8 s, onboarding peak 160.0 MiB at 6.1 s, VmHWM 161.3 MiB` */
function phaseText(m: MemoryFigures): string {
  const peaks = m.phases.filter((p) => p.phase !== 'after').map((p) => `${p.phase} peak ${mib(p.peak)} at ${secs(p.atMs)} (+${mib(p.peak - m.before.rss)}, ${p.samples} samples)`);
  return [...peaks, m.end ? `VmHWM ${mib(m.end.hwm)}${m.exactPeak ? ' (reset before the upload)' : ' (since start)'}` : 'process gone at the end'].join(', ');
}

async function createNsd(base: string, auth: Record<string, string>): Promise<string> {
  const r = await fetch(`${base}${COLLECTION}`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ userDefinedData: { bench: NAME } }) });
  const body = await r.text();
  if (r.status !== 201) throw new Error(`POST ${COLLECTION} answered ${r.status}: ${body.slice(0, 300)}`);
  return (JSON.parse(body) as { id: string }).id;
}

interface NsdState {
  nsdOnboardingState?: string;
  nsdId?: string;
  vnfPkgIds?: string[];
  onboardingFailureDetails?: unknown;
}

/** Polls the NsdInfo every 100 ms until onboarding has ended (ONBOARDED or ERROR); then reads all its fields. */
async function settle(base: string, id: string, auth: Record<string, string>): Promise<NsdState> {
  const deadline = Date.now() + ONBOARDING_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline) {
    const r = await fetch(`${base}${COLLECTION}/${id}`, { headers: auth });
    const body = await r.text();
    if (r.status !== 200) throw new Error(`GET ${COLLECTION}/${id} answered ${r.status}: ${body.slice(0, 300)}`);
    last = (JSON.parse(body) as NsdState).nsdOnboardingState ?? '';
    if (!['UPLOADING', 'PROCESSING'].includes(last)) {
      const all = await fetch(`${base}${COLLECTION}/${id}?all_fields`, { headers: auth });
      return (await all.json()) as NsdState;
    }
    await sleep(100);
  }
  throw new Error(`the NSD was still ${last} after ${ONBOARDING_TIMEOUT_MS / 1000} s of onboarding`);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mibPerSec = (bytes: number, ms: number) => (ms > 0 ? `${(bytes / MiB / (ms / 1000)).toFixed(0)} MiB/s` : 'n/a');

