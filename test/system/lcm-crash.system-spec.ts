import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubernetesEmulator } from '../../src/adapters/emulated/kubernetes/kubernetes-emulator';
import { OpenStackEmulator } from '../../src/adapters/emulated/openstack/openstack-emulator';
import { clientToken, startServiceProcess, type ServiceProcess } from '../../scripts/support/service-process';
import { complexServiceFiles, sonPackage } from '../support/example-packages';
import { TestSubscriber } from '../support/subscriber';
import { dropSchemas, testDatabaseUrl, uniqueSchema } from '../support/test-database';

const CLIENT = { id: 'crash', secret: 'crash-secret-0123456789' };
const NSD_ID = 'eu.example.nfvo:complex-edge-web:1.0';

/**
 * Crash injection: the service runs as a real child process and is killed with SIGKILL right after each
 * step of an operation completes, then started again, until the operation is over. The emulated clouds
 * live in the test process, so they see everything each incarnation did: nothing may be created twice,
 * nothing may be left behind, and subscribers still get START then RESULT.
 */
describe('LCM operations survive SIGKILL at every step boundary', () => {
  const schema = uniqueSchema('crash');
  const dataDir = mkdtempSync(join(tmpdir(), 'nfvo-crash-'));
  const env = {
    DATABASE_URL: testDatabaseUrl(), NFVO_DATA_DIR: dataDir, NFVO_DB_SCHEMA: schema, NFVO_JOBS_SCHEMA: `${schema}_jobs`,
    NFVO_OAUTH_CLIENTS: `${CLIENT.id}:${CLIENT.secret}`, NFVO_SECRET_KEY: 'ef'.repeat(32), NFVO_EMULATED_SITES: 'off',
    // Its Kubernetes VIMs are emulators registered by this test: their stacks take the emulation.
    NFVO_IAC: 'emulated',
    NFVO_LCM_LEASE_SECONDS: '1', NFVO_CALLBACK_ALLOW: '127.0.0.1', NFVO_JOB_POLL_SECONDS: '1',
    // One step at a time, so every step boundary can be hit.
    NFVO_LCM_STEP_CONCURRENCY: '1',
  };
  const clouds: Record<string, OpenStackEmulator> = {};
  const clusters: KubernetesEmulator[] = [];
  let svc: ServiceProcess;
  let sub: TestSubscriber;
  let kills = 0;

  // Tokens are signed with NFVO_SECRET_KEY, so one stays valid across restarts.
  let token: string | undefined;
  const call = async (method: string, path: string, body?: unknown) => {
    token ??= await clientToken(svc.url, CLIENT.id, CLIENT.secret);
    const r = await fetch(`${svc.url}${path}`, { method, headers: { Authorization: `Bearer ${token}`, Version: '2.12.0', ...(body ? { 'Content-Type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await r.text();
    return { status: r.status, headers: r.headers, body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    for (const s of ['site-a', 'site-b']) clouds[s] = await OpenStackEmulator.start({ credentials: { username: 'nfvo', password: `pw-${s}`, project: 'nfvo' }, latencyMs: 60, buildMs: 150, deleteMs: 100 });
    svc = await startServiceProcess(env);
    sub = await new TestSubscriber().start();
    const sites: Record<string, string> = {};
    for (const s of ['site-a', 'site-b']) {
      sites[s] = (await call('POST', '/nfvo/v1/sites', { name: s })).body.id;
      expect((await call('POST', '/nfvo/v1/vims', { siteId: sites[s], name: `${s}-os`, vimType: 'openstack', endpoint: clouds[s].url, project: 'nfvo', credentials: { authType: 'password', username: 'nfvo', password: `pw-${s}` } })).status).toBe(201);
      const k8s = await KubernetesEmulator.start(`tok-${s}`);
      clusters.push(k8s);
      expect((await call('POST', '/nfvo/v1/vims', { siteId: sites[s], name: `${s}-k8s`, vimType: 'kubernetes', endpoint: k8s.url, credentials: { authType: 'token', token: `tok-${s}` } })).status).toBe(201);
    }
    await call('POST', '/nfvo/v1/wan_links', { siteA: sites['site-a'], siteB: sites['site-b'], latencyMs: 10, tunnel: { type: 'vxlan', endpointA: '192.0.2.1', endpointB: '192.0.2.2' } });
    expect((await call('POST', '/nslcm/v2/subscriptions', { callbackUri: sub.url, filter: { notificationTypes: ['NsLcmOperationOccurrenceNotification'] } })).status).toBe(201);
    const nsdInfoId = (await call('POST', '/nsd/v2/ns_descriptors', {})).body.id;
    await fetch(`${svc.url}/nsd/v2/ns_descriptors/${nsdInfoId}/nsd_content`, { method: 'PUT', headers: { Authorization: `Bearer ${token!}`, Version: '2.12.0', 'Content-Type': 'application/zip' }, body: await sonPackage(complexServiceFiles()) });
    for (let i = 0; i < 300 && (await call('GET', `/nsd/v2/ns_descriptors/${nsdInfoId}`)).body.nsdOnboardingState !== 'ONBOARDED'; i++) await new Promise((r) => setTimeout(r, 100));
  }, 120_000);

  afterAll(async () => {
    await svc?.stop('SIGKILL');
    await sub?.close();
    await Promise.all([...Object.values(clouds), ...clusters].map((c) => c.close()));
    const url = testDatabaseUrl();
    if (url) await dropSchemas(url, [schema, `${schema}_jobs`]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Kills the service each time one more step is DONE (or undone), restarts it, and returns the final occurrence. */
  async function killAtEveryBoundary(occId: string): Promise<Record<string, unknown>> {
    // A step boundary is a step reaching DONE or ROLLED_BACK that was not there before (terminate starts from DONE).
    let seen: Set<string> | undefined;
    for (let i = 0; i < 3000; i++) {
      const occ = (await call('GET', `/nslcm/v2/ns_lcm_op_occs/${occId}`)).body;
      if (!['PROCESSING', 'ROLLING_BACK'].includes(occ.operationState)) return occ;
      const plan = (await call('GET', `/nfvo/v1/ns_lcm_op_occs/${occId}/plan`)).body;
      const finished = plan.steps.filter((s: { state: string }) => s.state === 'DONE' || s.state === 'ROLLED_BACK').map((s: { id: string; state: string }) => `${s.id}:${s.state}`);
      if (!seen) seen = new Set(finished);
      else if (finished.some((f: string) => !seen!.has(f))) {
        finished.forEach((f: string) => seen!.add(f));
        await svc.stop('SIGKILL');
        kills++;
        svc = await startServiceProcess(env);
        continue;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`operation ${occId} did not end`);
  }

  const ownedBy = (nsId: string) => (s: { name: string }) => s.name.startsWith(`nfvo-${nsId.slice(0, 8)}-`);

  it('instantiate, scale out and in, and terminate of the complex example, killed after every step, create each resource once and leave nothing', async () => {
    const ns = (await call('POST', '/nslcm/v2/ns_instances', { nsdId: NSD_ID, nsName: 'crash', nsDescription: 'killed often' })).body;
    const inst = await call('POST', `/nslcm/v2/ns_instances/${ns.id}/instantiate`, { nsFlavourId: 'default' });
    expect(inst.status).toBe(202);
    const occId = new URL(inst.headers.get('location')!).pathname.split('/').pop()!;
    const done = await killAtEveryBoundary(occId);
    expect([done.operationState, done.error]).toEqual(['COMPLETED', undefined]);
    const a = clouds['site-a'].inventory();
    const b = clouds['site-b'].inventory();
    expect(a.servers.filter(ownedBy(ns.id)).map((s) => `${s.name}:${s.status}`)).toEqual([`nfvo-${ns.id.slice(0, 8)}-fw-fw-vm-0:ACTIVE`]);
    expect(b.servers.filter(ownedBy(ns.id)).map((s) => `${s.name}:${s.status}`)).toEqual([`nfvo-${ns.id.slice(0, 8)}-lb-lb-vm-0:ACTIVE`]);
    for (const inv of [a, b]) {
      expect(inv.ports.filter(ownedBy(ns.id))).toHaveLength(3);
      expect(new Set(inv.networks.map((n) => n.name)).size).toBe(inv.networks.length); // no network twice
      expect(inv.networks).toHaveLength(3);
    }
    expect(a.images.filter((i) => i.name === 'nfvo-example-firewall-1.0')).toHaveLength(1);
    const instantiateKills = kills;

    // Scale the load balancer out and back in, killed after every step as well.
    const lb = (await call('GET', `/nslcm/v2/ns_instances/${ns.id}?all_fields`)).body.vnfInstance.find((v: { vnfInstanceName: string }) => v.vnfInstanceName === 'lb');
    for (const type of ['SCALE_OUT', 'SCALE_IN']) {
      const sc = await call('POST', `/nslcm/v2/ns_instances/${ns.id}/scale`, { scaleType: 'SCALE_VNF', scaleVnfData: [{ vnfInstanceId: lb.id, scaleVnfType: type }] });
      expect(sc.status).toBe(202);
      expect((await killAtEveryBoundary(new URL(sc.headers.get('location')!).pathname.split('/').pop()!)).operationState).toBe('COMPLETED');
      const servers = clouds['site-b'].inventory().servers.filter(ownedBy(ns.id)).map((x) => x.name);
      expect(servers).toEqual(type === 'SCALE_OUT' ? [0, 1].map((i) => `nfvo-${ns.id.slice(0, 8)}-lb-lb-vm-${i}`) : [`nfvo-${ns.id.slice(0, 8)}-lb-lb-vm-0`]);
      expect(clouds['site-b'].inventory().ports.filter(ownedBy(ns.id))).toHaveLength(servers.length * 3);
    }
    const scaleKills = kills - instantiateKills;

    const term = await call('POST', `/nslcm/v2/ns_instances/${ns.id}/terminate`, {});
    const termId = new URL(term.headers.get('location')!).pathname.split('/').pop()!;
    expect((await killAtEveryBoundary(termId)).operationState).toBe('COMPLETED');
    for (let i = 0; i < 50 && clouds['site-a'].inventory().servers.length + clouds['site-b'].inventory().servers.length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    for (const s of ['site-a', 'site-b']) {
      const inv = clouds[s].inventory();
      expect([inv.servers, inv.ports, inv.networks, inv.subnets].map((l) => l.length)).toEqual([0, 0, 0, 0]);
    }
    expect((await call('GET', `/nslcm/v2/ns_instances/${ns.id}`)).body.nsState).toBe('NOT_INSTANTIATED');
    // Most of the plan's 23 steps, and most of terminate's, were followed by a kill (a few finish inside one poll).
    expect(instantiateKills).toBeGreaterThanOrEqual(12);
    expect(scaleKills).toBeGreaterThanOrEqual(3);
    expect(kills - instantiateKills - scaleKills).toBeGreaterThanOrEqual(8);

    await sub.waitFor(8, 60_000);
    expect(sub.received.map((r) => r.body).map((b) => `${b.operation}:${b.notificationStatus}:${b.operationState}`)).toEqual([
      'INSTANTIATE:START:PROCESSING', 'INSTANTIATE:RESULT:COMPLETED', 'SCALE:START:PROCESSING', 'SCALE:RESULT:COMPLETED',
      'SCALE:START:PROCESSING', 'SCALE:RESULT:COMPLETED', 'TERMINATE:START:PROCESSING', 'TERMINATE:RESULT:COMPLETED',
    ]);
    process.stdout.write(`crash test: ${instantiateKills} kills during instantiate, ${scaleKills} during scale out and in, ${kills - instantiateKills - scaleKills} during terminate\n`);
  }, 900_000);
});
