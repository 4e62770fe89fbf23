import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { COMPLEX_NSD_ID as NSD_ID, type LcmSites, settleOccurrence, startLcmSites } from '../support/lcm-flow';
import { dropSchemas, testDatabaseUrl, uniqueSchema } from '../support/test-database';

/**
 * The complex example with its microservices deployed through a real Terraform (NFVO_IAC=terraform, the
 * `test` target: built-in terraform_data with the stack's inputs and outputs, so nothing is downloaded)
 * and the state in the real PostgreSQL. Skipped, saying why, without terraform on PATH or PostgreSQL.
 */
const databaseUrl = testDatabaseUrl();
const why = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status !== 0 ? 'terraform is not on PATH' : !databaseUrl ? 'Terraform state needs PostgreSQL (DATABASE_URL)' : undefined;
if (why) console.log(`skipped: ${why}`);
const describeTf = why ? describe.skip : describe;

describeTf('NS lifecycle with microservices applied by Terraform, state in PostgreSQL', () => {
  const schema = uniqueSchema('e2e');
  const mirrorDir = mkdtempSync(join(tmpdir(), 'nfvo-mirror-'));
  /** A CLI configuration whose only provider source is an empty filesystem mirror: nothing can be installed. */
  const mirrorConfig = () => {
    const file = join(mirrorDir, 'mirror.tfrc');
    writeFileSync(file, `provider_installation {\n  filesystem_mirror {\n    path = "${join(mirrorDir, 'empty')}"\n  }\n}\n`);
    return file;
  };
  let h: LcmSites;
  const states = async () => {
    const c = new Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      return (await c.query(`SELECT name, data FROM ${schema}_tfstate.states ORDER BY name`)).rows as Array<{ name: string; data: string }>;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    h = await startLcmSites({ DATABASE_URL: databaseUrl!, NFVO_DB_SCHEMA: schema, NFVO_IAC: 'terraform', NFVO_TERRAFORM_TARGET: 'test', NFVO_TERRAFORM_TIMEOUT_SECONDS: '120' });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await dropSchemas(databaseUrl!, [`${schema}_tfstate`]);
    rmSync(mirrorDir, { recursive: true, force: true });
  });

  it('instantiates, heals, updates and terminates the microservices through Terraform, leaving no state behind', async () => {
    const { a, auth } = h;
    const ns = (await a.http.post('/nslcm/v2/ns_instances').set(auth).send({ nsdId: NSD_ID, nsName: 'tf', nsDescription: 'terraform' })).body;
    const inst = await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/instantiate`).set(auth).send({ nsFlavourId: 'default' });
    const done = (await settleOccurrence(a.http, auth, inst.headers.location)).body;
    expect([done.operationState, done.error]).toEqual(['COMPLETED', undefined]);

    // One state for the NS instance's stack on site-b's cluster, holding both microservices.
    const [state] = await states();
    expect(state.name).toMatch(new RegExp(`^ns-${ns.id}-vim-[0-9a-f-]{36}$`));
    type Unit = { replicas: number; env: Array<{ name: string; value: string }> };
    const unitsOf = (s: string) => (JSON.parse(s).resources as Array<{ type: string; name: string; instances: Array<{ attributes: { output: { value: Unit } } }> }>)
      .filter((r) => r.type === 'terraform_data').map((r) => ({ name: r.name, unit: r.instances[0].attributes.output.value }));
    const units = (s: string) => unitsOf(s).map((u) => [u.name, u.unit.replicas]);
    expect(units(state.data)).toEqual([['unit-backend-api', 2], ['unit-frontend-web', 2]]);
    const frontendEnv = unitsOf(state.data).find((u) => u.name === 'unit-frontend-web')!.unit.env;
    expect(frontendEnv).toContainEqual({ name: 'BACKEND_URL', value: `http://backend-api.nfvo-${ns.id}:9000` });

    const view = (await a.http.get(`/nslcm/v2/ns_instances/${ns.id}?all_fields`).set(auth)).body;
    const frontend = view.vnfInstance.find((v: { vnfInstanceName: string }) => v.vnfInstanceName === 'frontend');
    expect(frontend.instantiatedVnfInfo.vnfcResourceInfo[0].computeResource.resourceId).toBe(`nfvo-${ns.id}/frontend-web`);
    // The endpoint address Terraform reported as the stack's output.
    expect(frontend.metadata.endpoints).toEqual({ http: `http://frontend-http.nfvo-${ns.id}:80` });

    // What was applied, for audit, and a real `terraform plan` that finds nothing to change.
    const audit = (await a.http.get(`/nfvo/v1/ns_instances/${ns.id}/iac`).set(auth)).body;
    expect(Object.keys(audit.stacks[0].json.resource.terraform_data).sort()).toEqual(['unit-backend-api', 'unit-frontend-web']);
    expect((await a.http.post(`/nfvo/v1/ns_instances/${ns.id}/drift-check`).set(auth)).body).toMatchObject({ drifted: false, stacks: [{ drifted: false, resources: [] }] });

    // Heal of the front-end: Terraform replaces its unit (a new resource id), the back-end's stays.
    const ids = async () => Object.fromEntries((JSON.parse((await states())[0].data).resources as Array<{ name: string; instances: Array<{ attributes: { id: string } }> }>).map((r) => [r.name, r.instances[0].attributes.id]));
    const before = await ids();
    const heal = await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/heal`).set(auth).send({ healVnfData: [{ vnfInstanceId: frontend.id }] });
    expect((await settleOccurrence(a.http, auth, heal.headers.location)).body.operationState).toBe('COMPLETED');
    const after = await ids();
    expect([after['unit-frontend-web'] !== before['unit-frontend-web'], after['unit-backend-api']]).toEqual([true, before['unit-backend-api']]);
    expect((await a.http.post(`/nfvo/v1/ns_instances/${ns.id}/drift-check`).set(auth)).body.drifted).toBe(false);

    // An update changes the stack: without the chain, the front-end can go; Terraform removes its unit.
    const update = async (body: object) => {
      const r = await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/update`).set(auth).send(body);
      const occ = (await settleOccurrence(a.http, auth, r.headers.location)).body;
      expect([occ.operationState, occ.error?.detail]).toEqual(['COMPLETED', undefined]);
    };
    await update({ updateType: 'REMOVE_VNFFG', removeVnffgId: ['web-chain'] });
    await update({ updateType: 'REMOVE_VNF', removeVnfInstanceId: [frontend.id] });
    expect(units((await states())[0].data)).toEqual([['unit-backend-api', 2]]);

    const term = await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/terminate`).set(auth).send({});
    expect((await settleOccurrence(a.http, auth, term.headers.location)).body.operationState).toBe('COMPLETED');
    expect(await states()).toEqual([]);
  });

  it('ends FAILED_TEMP with Terraform\'s own diagnostic when the provider cannot be installed, and rolls back to nothing', async () => {
    // This instance's stacks want the real Kubernetes provider, from a mirror that does not have it.
    const other = await startLcmSites({ DATABASE_URL: databaseUrl!, NFVO_DB_SCHEMA: schema, NFVO_IAC: 'terraform', NFVO_TERRAFORM_TARGET: 'kubernetes', NFVO_TERRAFORM_CLI_CONFIG: mirrorConfig() });
    try {
      const { a, auth } = other;
      const ns = (await a.http.post('/nslcm/v2/ns_instances').set(auth).send({ nsdId: NSD_ID, nsName: 'tf-fail', nsDescription: 'terraform' })).body;
      const inst = await a.http.post(`/nslcm/v2/ns_instances/${ns.id}/instantiate`).set(auth).send({ nsFlavourId: 'default' });
      const failed = (await settleOccurrence(a.http, auth, inst.headers.location)).body;
      expect(failed.operationState).toBe('FAILED_TEMP');
      expect(failed.error.detail).toMatch(/^Step stack:[0-9a-f-]{36} \(site [0-9a-f-]{36}, VIM [0-9a-f-]{36}\) failed: terraform init: .*hashicorp\/kubernetes/);
      const rb = await a.http.post(`/nslcm/v2/ns_lcm_op_occs/${failed.id}/rollback`).set(auth);
      expect(rb.status).toBe(202);
      expect((await settleOccurrence(a.http, auth, inst.headers.location)).body.operationState).toBe('ROLLED_BACK');
      for (const site of ['site-a', 'site-b']) expect(other.emu(site).inventory().servers.filter((x) => x.name.includes(ns.id.slice(0, 8)))).toEqual([]);
      expect((await states()).filter((s) => s.name.startsWith(`ns-${ns.id}`))).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
