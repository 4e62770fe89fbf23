import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubernetesEmulator } from '../../src/adapters/emulated/kubernetes/kubernetes-emulator';
import { testDatabaseUrl } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Registering a Kubernetes VIM checks that the NFVO could deploy to it: PostgreSQL for Terraform's state,
 * the terraform binary, and the Kubernetes provider (here from a provider mirror that does not have it,
 * so the refusal is Terraform's own and needs no network). Without terraform on PATH the last two say so.
 */
describe('Kubernetes VIM registration preflight', () => {
  let k8s: KubernetesEmulator;
  let dir: string;
  const apps: TestApp[] = [];
  const register = async (env: Record<string, string>) => {
    const a = await startTestApp(env);
    apps.push(a);
    const auth = { Authorization: `Bearer ${await a.token()}` };
    const site = (await a.http.post('/nfvo/v1/sites').set(auth).send({ name: 'edge-1' })).body;
    return a.http.post('/nfvo/v1/vims').set(auth).send({ siteId: site.id, name: 'cluster-1', vimType: 'kubernetes', endpoint: k8s.url, credentials: { authType: 'token', token: 'tok' } });
  };

  beforeAll(async () => {
    k8s = await KubernetesEmulator.start('tok');
    dir = mkdtempSync(join(tmpdir(), 'nfvo-preflight-'));
    writeFileSync(join(dir, 'mirror.tfrc'), `provider_installation {\n  filesystem_mirror {\n    path = "${join(dir, 'empty-mirror')}"\n  }\n}\n`);
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await k8s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a real cluster when Terraform could keep no state (no PostgreSQL)', async () => {
    const r = await register({});
    expect(r.status).toBe(422);
    expect(r.body.detail).toBe('Kubernetes VIM cluster-1 cannot be used: Deploying to a real Kubernetes cluster needs Terraform, whose state this NFVO keeps in PostgreSQL: run it with DATABASE_URL (or NFVO_IAC=emulated for an emulated cluster).');
    expect((await register({ NFVO_IAC: 'emulated' })).status).toBe(201);
  });

  const databaseUrl = testDatabaseUrl();
  const terraform = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
  if (!databaseUrl) console.log('skipped: the Terraform preflight cases need PostgreSQL (DATABASE_URL)');
  (databaseUrl ? it : it.skip)('refuses it when the provider cannot be installed, with Terraform\'s reason, and takes it when no provider is needed', async () => {
    const env = { DATABASE_URL: databaseUrl!, NFVO_IAC: 'terraform', NFVO_TERRAFORM_CLI_CONFIG: join(dir, 'mirror.tfrc') };
    const refused = await register(env);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(terraform
      ? /^Kubernetes VIM cluster-1 cannot be used: Terraform cannot install the Kubernetes provider the stacks need \(configure a provider mirror with NFVO_TERRAFORM_CLI_CONFIG\): .*hashicorp\/kubernetes/
      : /terraform was not found/);
    if (terraform) expect((await register({ ...env, NFVO_TERRAFORM_TARGET: 'test' })).status).toBe(201);
  });
});
