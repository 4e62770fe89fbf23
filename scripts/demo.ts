/**
 * `npm run demo [-- --terminate]`: drives a running NFVO through the whole flow with the complex example:
 * onboard (or reuse the onboarded NSD), create an NS instance, instantiate it while showing the plan's
 * progress, print what runs where, and leave it INSTANTIATED (`--terminate` also terminates and deletes it).
 * NFVO_URL (default http://localhost:8080), NFVO_CLIENT_ID and NFVO_CLIENT_SECRET say where and as whom.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makePackage } from './make-package/build-package';

const NSD_ID = 'eu.example.nfvo:complex-edge-web:1.0';
const base = (process.env.NFVO_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let token = '';

async function call(method: string, path: string, body?: unknown, type = 'application/json') {
  const r = await fetch(`${base}${path}`, { method, headers: { Authorization: `Bearer ${token}`, Version: '2.12.0', ...(body !== undefined ? { 'Content-Type': type } : {}) }, body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body) });
  const text = await r.text();
  const json = text && r.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
  if (r.status >= 400) throw new Error(`${method} ${path}: ${r.status} ${json?.detail ?? text}`);
  return { status: r.status, location: r.headers.get('location') ?? '', body: json };
}

async function login(): Promise<void> {
  const id = process.env.NFVO_CLIENT_ID;
  const secret = process.env.NFVO_CLIENT_SECRET;
  if (!id || !secret) throw new Error('set NFVO_CLIENT_ID and NFVO_CLIENT_SECRET (the bootstrap admin client printed at the first start, or one of NFVO_OAUTH_CLIENTS)');
  const r = await fetch(`${base}/oauth2/token`, { method: 'POST', headers: { Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
  if (r.status !== 200) throw new Error(`token: ${r.status} ${await r.text()}`);
  token = ((await r.json()) as { access_token: string }).access_token;
}

async function onboard(): Promise<void> {
  const existing = (await call('GET', `/nsd/v2/ns_descriptors?filter=(eq,nsdId,${NSD_ID});(eq,nsdOnboardingState,ONBOARDED)`)).body as Array<{ id: string }>;
  if (existing.length) return void console.log(`NSD ${NSD_ID} is onboarded already (${existing[0].id})`);
  const dir = mkdtempSync(join(tmpdir(), 'nfvo-demo-'));
  try {
    await makePackage(resolve(__dirname, '..', '..', 'descriptors', 'examples', 'complex-service'), join(dir, 'complex.csar'), { format: 'csar' });
    const id = (await call('POST', '/nsd/v2/ns_descriptors', {})).body.id;
    await call('PUT', `/nsd/v2/ns_descriptors/${id}/nsd_content`, readFileSync(join(dir, 'complex.csar')), 'application/zip');
    for (;;) {
      const info = (await call('GET', `/nsd/v2/ns_descriptors/${id}`)).body;
      if (info.nsdOnboardingState === 'ONBOARDED') return void console.log(`onboarded NSD ${NSD_ID} (${id}) with ${info.vnfPkgIds.length} VNF packages`);
      if (info.nsdOnboardingState === 'ERROR') throw new Error(`onboarding failed: ${JSON.stringify(info.onboardingFailureDetails)}`);
      await sleep(200);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Follows an occurrence, one progress line per change, until it ends. */
async function follow(location: string): Promise<{ operationState: string; error?: { detail: string } }> {
  const occPath = new URL(location).pathname;
  const id = occPath.split('/').pop()!;
  let last = '';
  for (;;) {
    const occ = (await call('GET', occPath)).body;
    const plan = (await call('GET', `/nfvo/v1/ns_lcm_op_occs/${id}/plan`)).body as { steps: Array<{ id: string; state: string }> };
    const done = plan.steps.filter((s) => ['DONE', 'SKIPPED', 'KEPT', 'ROLLED_BACK'].includes(s.state)).length;
    const running = plan.steps.filter((s) => s.state === 'RUNNING' || s.state === 'ROLLING_BACK').map((s) => s.id);
    const width = 30;
    const filled = plan.steps.length ? Math.round((done / plan.steps.length) * width) : 0;
    const line = `  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${plan.steps.length} steps  ${occ.operationState}${running.length ? `  running: ${running.slice(0, 3).join(', ')}${running.length > 3 ? ', …' : ''}` : ''}`;
    if (line !== last) console.log((last = line));
    if (!['PROCESSING', 'ROLLING_BACK'].includes(occ.operationState)) return occ;
    await sleep(300);
  }
}

async function main(): Promise<void> {
  await login();
  await onboard();
  const ns = (await call('POST', '/nslcm/v2/ns_instances', { nsdId: NSD_ID, nsName: `demo-${new Date().toISOString().slice(11, 19)}`, nsDescription: 'npm run demo' })).body;
  console.log(`created NS instance ${ns.id}; instantiating`);
  const inst = await call('POST', `/nslcm/v2/ns_instances/${ns.id}/instantiate`, { nsFlavourId: 'default' });
  const result = await follow(inst.location);
  if (result.operationState !== 'COMPLETED') throw new Error(`instantiate ended ${result.operationState}: ${result.error?.detail ?? ''} (see ${inst.location}; retry, rollback or fail it)`);
  const view = (await call('GET', `/nslcm/v2/ns_instances/${ns.id}?all_fields`)).body;
  console.log(`NS instance ${ns.id} is ${view.nsState}:`);
  for (const v of view.vnfInstance ?? []) {
    const res = v.instantiatedVnfInfo.vnfcResourceInfo.map((r: { vduId: string; computeResource: { resourceId: string; vimLevelResourceType: string } }) => `${r.vduId} ${r.computeResource.vimLevelResourceType} ${r.computeResource.resourceId}`);
    console.log(`  ${v.vnfInstanceName.padEnd(10)} ${v.vnfdId.padEnd(36)} site ${v.metadata?.siteId} VIM ${v.vimId}: ${res.join('; ')}`);
  }
  console.log(`  links: ${(view.virtualLinkInfo ?? []).map((l: { id: string; resourceHandle: unknown[] }) => `${l.id} (${l.resourceHandle.length} network${l.resourceHandle.length > 1 ? 's' : ''})`).join(', ')}`);
  await showChains(ns.id);
  if (!process.argv.includes('--terminate')) return void console.log(`left INSTANTIATED; terminate with: POST ${base}/nslcm/v2/ns_instances/${ns.id}/terminate`);
  console.log('terminating');
  const term = await follow((await call('POST', `/nslcm/v2/ns_instances/${ns.id}/terminate`, {})).location);
  if (term.operationState !== 'COMPLETED') throw new Error(`terminate ended ${term.operationState}: ${term.error?.detail ?? ''}`);
  await call('DELETE', `/nslcm/v2/ns_instances/${ns.id}`);
  console.log(`terminated and deleted ${ns.id}`);
}

main().catch((err) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

/** Each forwarding path's flows per switch, and on emulated switches the path a packet of its class takes (EMULATION: no packet is sent). */
async function showChains(nsInstanceId: string): Promise<void> {
  const topo = (await call('GET', `/nfvo/v1/ns_instances/${nsInstanceId}/topology`)).body as { chains: Array<{ vnffgId: string; nfpId: string; switches: Array<{ siteId: string; flows: unknown[] }>; trace?: Array<{ site: string; inPort: string; result: string }> }> };
  for (const c of topo.chains) {
    console.log(`  chain ${c.vnffgId}/${c.nfpId}: ${c.switches.map((x) => `${x.flows.length} flows at ${x.siteId}`).join(', ')}`);
    if (c.trace) console.log(`  a packet of its class, traced through the emulated switches:\n${c.trace.map((t) => `    ${t.site.slice(0, 8)} in_port=${t.inPort}: ${t.result}`).join('\n')}`);
  }
}
