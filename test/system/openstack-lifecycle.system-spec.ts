import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NfvoClient } from '../../scripts/support/nfvo-client';
import { type ServiceProcess, startServiceProcess } from '../../scripts/support/service-process';
import { vmServiceFiles } from '../../scripts/support/vm-service';
import { sonPackage } from '../../scripts/support/son-package';
import type { CloudClient } from '../../scripts/support/cloud-client';
import { type VimTarget, realOpenStackMissing, realOpenStackTarget } from '../support/openstack/vim-targets';
import { describeIf } from '../support/requires';
import { leftoversNamed, sweepNamed } from '../support/openstack/sweep';
import { dropSchemas, testDatabaseUrl, uniqueSchema } from '../support/test-database';

/**
 * The SOL005 lifecycle on a real OpenStack (the lab: Keystone, Nova with the fake driver, Neutron,
 * Glance, Placement), with the NFVO logged in as a project MEMBER: onboard a VM-only service,
 * instantiate, scale out and in, heal a server deleted through Nova behind the NFVO's back, update
 * (add and remove a VNF), terminate, and nothing of the NS is left in the project. Then the faults a
 * real cloud makes: quota, a scheduler that finds no host, a password changed mid-operation.
 */
const CLIENT = { id: 'lab', secret: 'lab-secret-0123456789abcdef' };
const missing = realOpenStackMissing() ?? (testDatabaseUrl() ? undefined : 'two NFVO replicas need PostgreSQL (DATABASE_URL)');

/** What of an NS instance is left in the project (names start nfvo-<ns8>-), listed through the API. */
const leftoversOf = (c: CloudClient, nsInstanceId: string) => leftoversNamed(c, [`nfvo-${nsInstanceId.slice(0, 8)}-`]);
const counts = (l: Record<string, unknown[]>) => Object.fromEntries(Object.entries(l).map(([k, v]) => [k, v.length]));
const nothing = { servers: 0, ports: 0, networks: 0, subnets: 0, securityGroups: 0, serverGroups: 0 };

describeIf(missing, 'SOL005 lifecycle on a real OpenStack, as a project member', () => {
  const schema = uniqueSchema('oslab');
  const dataDir = mkdtempSync(join(tmpdir(), 'nfvo-oslab-'));
  const env = {
    DATABASE_URL: testDatabaseUrl(), NFVO_DATA_DIR: dataDir, NFVO_DB_SCHEMA: schema, NFVO_JOBS_SCHEMA: `${schema}_jobs`,
    NFVO_OAUTH_CLIENTS: `${CLIENT.id}:${CLIENT.secret}`, NFVO_SECRET_KEY: 'ab'.repeat(32), NFVO_EMULATED_SITES: 'off', NFVO_IAC: 'emulated',
    NFVO_JOB_POLL_SECONDS: '1', NFVO_LCM_LEASE_SECONDS: '10',
  };
  let cloud: VimTarget;
  const replicas: ServiceProcess[] = [];
  let nfvo: NfvoClient;
  let siteId: string;
  const created: string[] = [];
  const image = { name: process.env.NFVO_LAB_IMAGE_NAME ?? '', md5: process.env.NFVO_LAB_IMAGE_MD5 ?? '' };
  const account = () => ({ username: process.env.OS_USERNAME!, password: process.env.OS_PASSWORD!, userDomain: process.env.OS_USER_DOMAIN_NAME ?? 'Default' });

  /** Registers the lab's member project as a VIM of the site (declared capacity: optional). */
  async function registerVim(name: string, extra: Record<string, unknown> = {}): Promise<string> {
    const r = await nfvo.call('POST', '/nfvo/v1/vims', {
      siteId, name, vimType: 'openstack', endpoint: process.env.OS_AUTH_URL, project: process.env.OS_PROJECT_NAME, projectDomain: process.env.OS_PROJECT_DOMAIN_NAME ?? 'Default',
      region: process.env.OS_REGION_NAME, credentials: { authType: 'password', ...account() }, ...extra,
    });
    if (r.status !== 201) throw new Error(`VIM registration answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body.id;
  }

  async function createNs(nsdInfoId: string): Promise<string> {
    const nsdId = (await nfvo.call('GET', `/nsd/v2/ns_descriptors/${nsdInfoId}`)).body.nsdId;
    const id = (await nfvo.call('POST', '/nslcm/v2/ns_instances', { nsdId, nsName: `lab-${randomUUID().slice(0, 6)}`, nsDescription: 'system test' })).body.id as string;
    created.push(id);
    return id;
  }

  beforeAll(async () => {
    cloud = await realOpenStackTarget();
    replicas.push(await startServiceProcess(env), await startServiceProcess(env));
    nfvo = new NfvoClient(replicas[0].url, CLIENT);
    siteId = (await nfvo.call('POST', '/nfvo/v1/sites', { name: 'lab' })).body.id;
    await registerVim('lab-openstack');
  }, 180_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop('SIGTERM')));
    // Whatever a failed test left behind would eat the next run's quota.
    if (cloud) await sweepNamed(cloud.member, created.map((id) => `nfvo-${id.slice(0, 8)}-`));
    const url = testDatabaseUrl();
    if (url) await dropSchemas(url, [schema, `${schema}_jobs`]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('instantiates, scales, heals, updates and terminates a VM-only service, leaving nothing in the project', async () => {
    const nsdInfoId = await nfvo.onboard(await sonPackage(vmServiceFiles({ count: 3, name: 'lab-life', image })));
    const ns = await createNs(nsdInfoId);
    const inst = await nfvo.task(`/nslcm/v2/ns_instances/${ns}/instantiate`, { nsFlavourId: 'default' });
    expect([inst.operationState, inst.error]).toEqual(['COMPLETED', undefined]);
    let left = await leftoversOf(cloud.member, ns);
    expect(left.servers.map((s) => (s as { status?: string }).status ?? 'ACTIVE')).toHaveLength(3);
    const view = (await nfvo.call('GET', `/nslcm/v2/ns_instances/${ns}?all_fields`)).body;
    expect(view.nsState).toBe('INSTANTIATED');
    const vnf = (n: string) => view.vnfInstance.find((v: { vnfInstanceName: string }) => v.vnfInstanceName === n);

    // Scale out and in: one more copy of vnf1, then back.
    const scale = (type: string) => nfvo.task(`/nslcm/v2/ns_instances/${ns}/scale`, { scaleType: 'SCALE_VNF', scaleVnfData: [{ vnfInstanceId: vnf('vnf1').id, scaleVnfType: type }] });
    expect((await scale('SCALE_OUT')).operationState).toBe('COMPLETED');
    expect((await leftoversOf(cloud.member, ns)).servers).toHaveLength(4);
    expect((await scale('SCALE_IN')).operationState).toBe('COMPLETED');
    expect((await leftoversOf(cloud.member, ns)).servers).toHaveLength(3);

    // Heal: a server deleted through Nova's API behind the NFVO's back is built again.
    const victim = (await leftoversOf(cloud.member, ns)).servers.find((s) => s.name.includes('-vnf2-'))! as { id: string; name: string };
    expect((await cloud.member.call('compute', 'DELETE', `/servers/${victim.id}`)).status).toBe(204);
    const heal = await nfvo.task(`/nslcm/v2/ns_instances/${ns}/heal`, { healVnfData: [{ vnfInstanceId: vnf('vnf2').id, cause: 'server deleted' }] });
    expect(heal.operationState).toBe('COMPLETED');
    const healed = (await leftoversOf(cloud.member, ns)).servers.find((s) => s.name === victim.name) as { id: string } | undefined;
    expect(healed?.id).toBeDefined();
    expect(healed?.id).not.toBe(victim.id);

    // Update: remove a VNF, then add it back.
    const removed = await nfvo.task(`/nslcm/v2/ns_instances/${ns}/update`, { updateType: 'REMOVE_VNF', removeVnfInstanceId: [vnf('vnf3').id] });
    expect(removed.operationState).toBe('COMPLETED');
    expect((await leftoversOf(cloud.member, ns)).servers.map((s) => s.name).filter((n) => n.includes('-vnf3-'))).toEqual([]);
    const added = await nfvo.task(`/nslcm/v2/ns_instances/${ns}/update`, { updateType: 'ADD_VNF', addVnfInstance: [{ vnfInstanceId: vnf('vnf3').id, vnfProfileId: 'vnf3' }] });
    expect(added.operationState).toBe('COMPLETED');
    expect((await leftoversOf(cloud.member, ns)).servers).toHaveLength(3);

    const term = await nfvo.task(`/nslcm/v2/ns_instances/${ns}/terminate`, {});
    expect(term.operationState).toBe('COMPLETED');
    left = await leftoversOf(cloud.member, ns);
    expect(counts(left)).toEqual(nothing);
  }, 900_000);

  /** Instantiates an NS of the package and returns its id and the settled occurrence. */
  async function instantiate(nsdInfoId: string, via = nfvo) {
    const ns = await createNs(nsdInfoId);
    return { ns, occ: await via.task(`/nslcm/v2/ns_instances/${ns}/instantiate`, { nsFlavourId: 'default' }) };
  }

  /** Rolls a FAILED_TEMP occurrence back and checks nothing of the NS is left in the project. */
  async function rollBackToNothing(ns: string, occ: { id: string }) {
    const r = await nfvo.call('POST', `/nslcm/v2/ns_lcm_op_occs/${occ.id}/rollback`);
    expect(r.status).toBe(202);
    expect((await nfvo.settle(`${replicas[0].url}/nslcm/v2/ns_lcm_op_occs/${occ.id}`)).operationState).toBe('ROLLED_BACK');
    expect(counts(await leftoversOf(cloud.member, ns))).toEqual(nothing);
  }

  it('a service larger than the project\'s instance quota is refused at placement, naming the VIM and what is left; nothing is created', async () => {
    const nsdInfoId = await nfvo.onboard(await sonPackage(vmServiceFiles({ count: 3, name: 'lab-quota', image })));
    const used = (await cloud.member.call('compute', 'GET', '/limits')).json.limits.absolute.totalInstancesUsed as number;
    const restore = await cloud.limitInstances(used + 2);
    try {
      const { ns, occ } = await instantiate(nsdInfoId);
      expect(occ.operationState).toBe('FAILED_TEMP');
      expect(occ.error).toMatchObject({ status: 422, detail: expect.stringMatching(/instances[\s\S]*lab-openstack/) });
      expect(counts(await leftoversOf(cloud.member, ns))).toEqual(nothing);
    } finally {
      await restore();
    }
  }, 300_000);

  it('Nova\'s own quota refusal (flavors larger than the descriptor asks) ends FAILED_TEMP with Nova\'s message; rollback leaves nothing', async () => {
    // 400 MiB per VM is placed as 400 MiB, but the smallest flavor has 512: the third server exceeds a
    // 1,400 MiB RAM quota at Nova, which placement could not know.
    const nsdInfoId = await nfvo.onboard(await sonPackage(vmServiceFiles({ count: 3, name: 'lab-ram', image, memoryMiB: 400 })));
    const { projectId } = await cloud.member.ids();
    const usedRam = (await cloud.member.call('compute', 'GET', '/limits')).json.limits.absolute.totalRAMUsed as number;
    const before = (await cloud.admin.call('compute', 'GET', `/os-quota-sets/${projectId}`)).json.quota_set.ram as number;
    await cloud.admin.call('compute', 'PUT', `/os-quota-sets/${projectId}`, { quota_set: { ram: usedRam + 1400 } });
    try {
      const { ns, occ } = await instantiate(nsdInfoId);
      expect(occ.operationState).toBe('FAILED_TEMP');
      // Nova refuses at its API (403), or, when the creates ran together, in the conductor's recheck (a server fault).
      expect(occ.error.detail).toMatch(/QUOTA_EXCEEDED( \(HTTP 403\))?: (server \S+: )?Quota exceeded for ram: Requested 512/);
      const plan = (await nfvo.call('GET', `/nfvo/v1/ns_lcm_op_occs/${occ.id}/plan`)).body;
      const failed = plan.steps.filter((st: { state: string }) => st.state === 'FAILED');
      expect(failed.map((st: { attempts: number }) => st.attempts)).toEqual(failed.map(() => 1)); // not retried: nothing was freed
      await rollBackToNothing(ns, occ);
    } finally {
      await cloud.admin.call('compute', 'PUT', `/os-quota-sets/${projectId}`, { quota_set: { ram: before } });
    }
  }, 300_000);

  it('a flavor no compute host can hold: the scheduler\'s NoValidHost ends FAILED_TEMP with Nova\'s fault; rollback leaves nothing', async () => {
    const { projectId } = await cloud.member.ids();
    const hv = (await cloud.admin.list<{ id: string }>('compute', '/os-hypervisors', 'hypervisors'))[0];
    const host = (await cloud.admin.call('compute', 'GET', `/os-hypervisors/${hv.id}`)).json.hypervisor as { memory_mb: number };
    const ram = host.memory_mb * 2; // beyond the host's RAM even with Nova's allocation ratio of 1.5
    const flavor = (await cloud.admin.call('compute', 'POST', '/flavors', { flavor: { name: `lab.huge-${randomUUID().slice(0, 6)}`, vcpus: 1, ram, disk: 1 } })).json.flavor;
    const before = (await cloud.admin.call('compute', 'GET', `/os-quota-sets/${projectId}`)).json.quota_set as { ram: number };
    await cloud.admin.call('compute', 'PUT', `/os-quota-sets/${projectId}`, { quota_set: { ram: -1 } });
    try {
      const vimId = await registerVim(`lab-big-${randomUUID().slice(0, 6)}`, { capacity: { vcpus: 1000, memoryMiB: ram * 4, instances: 100 } });
      // Only the big VIM may take the function: the lab's first VIM does not have room for it on record.
      const nsdInfoId = await nfvo.onboard(await sonPackage(vmServiceFiles({ count: 1, name: 'lab-huge', image, memoryMiB: ram })));
      const { ns, occ } = await instantiate(nsdInfoId);
      expect(occ.operationState).toBe('FAILED_TEMP');
      expect(occ.error.detail).toMatch(/NO_VALID_HOST[\s\S]*(No valid host was found|Exhausted all hosts available)/);
      await rollBackToNothing(ns, occ);
      expect((await nfvo.call('DELETE', `/nfvo/v1/vims/${vimId}`)).status).toBe(204);
    } finally {
      await cloud.admin.call('compute', 'PUT', `/os-quota-sets/${projectId}`, { quota_set: { ram: before.ram } });
      await cloud.admin.call('compute', 'DELETE', `/flavors/${flavor.id}`);
    }
  }, 300_000);

  it('five 3-VNF services at once through two replicas on a 10-instance quota: three run, two are refused at placement, none at Nova', async () => {
    const nsdInfoId = await nfvo.onboard(await sonPackage(vmServiceFiles({ count: 3, name: 'lab-burst', image })));
    const used = (await cloud.member.call('compute', 'GET', '/limits')).json.limits.absolute.totalInstancesUsed as number;
    const restore = await cloud.limitInstances(used + 10);
    const second = new NfvoClient(replicas[1].url, CLIENT);
    try {
      const runs = await Promise.all(Array.from({ length: 5 }, (_, i) => instantiate(nsdInfoId, i % 2 ? second : nfvo)));
      const states = runs.map((r) => r.occ.operationState).sort();
      expect(states).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED', 'FAILED_TEMP', 'FAILED_TEMP']);
      for (const r of runs.filter((x) => x.occ.operationState === 'FAILED_TEMP')) {
        // Refused at placement (422), not by Nova: no QUOTA_EXCEEDED anywhere.
        expect(r.occ.error).toMatchObject({ status: 422, detail: expect.stringContaining('lab-openstack') });
        expect(r.occ.error.detail).not.toContain('QUOTA_EXCEEDED');
        expect(counts(await leftoversOf(cloud.member, r.ns))).toEqual(nothing);
      }
      // Terminating one frees its room: a refused service now fits.
      const done = runs.filter((x) => x.occ.operationState === 'COMPLETED');
      expect((await nfvo.task(`/nslcm/v2/ns_instances/${done[0].ns}/terminate`, {})).operationState).toBe('COMPLETED');
      const again = await instantiate(nsdInfoId, second);
      expect(again.occ.operationState).toBe('COMPLETED');
      for (const r of [...done.slice(1), again]) expect((await nfvo.task(`/nslcm/v2/ns_instances/${r.ns}/terminate`, {})).operationState).toBe('COMPLETED');
      for (const r of runs) expect(counts(await leftoversOf(cloud.member, r.ns))).toEqual(nothing);
    } finally {
      await restore();
    }
  }, 900_000);
});
