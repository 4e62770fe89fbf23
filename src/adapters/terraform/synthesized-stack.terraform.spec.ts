import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { complexStack } from './stack-fixture';
import { synthesizeStack } from './synthesize-stack';

/**
 * The synthesized stack for the `test` target through a real Terraform: init, apply, outputs, a second plan
 * that finds nothing to change, destroy. Only Terraform's built-in `terraform_data` is used, so nothing is
 * downloaded. Skipped, saying why, when `terraform` is not on PATH.
 */
const terraform = process.env.NFVO_TERRAFORM_BIN ?? 'terraform';
const present = spawnSync(terraform, ['version'], { stdio: 'ignore' }).status === 0;
if (!present) console.log(`skipped: ${terraform} is not on PATH (the real-Terraform checks of synthesized stacks need it)`);
const describeTf = present ? describe : describe.skip;

describeTf('a synthesized test-target stack under a real Terraform', () => {
  let dir: string;
  // A CLI configuration of the shell (mirrors, credentials) must not change what is tested.
  const env = { ...process.env, TF_CLI_CONFIG_FILE: '', TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
  const tf = (...args: string[]) => spawnSync(terraform, [...args, '-input=false', '-no-color'], { cwd: dir, env, encoding: 'utf8' });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nfvo-tf-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies, reports the endpoints, changes nothing the second time, keeps descriptor text literal, and destroys', () => {
    const stack = complexStack('test');
    stack.functions[1].units[0].env = { ...stack.functions[1].units[0].env, TEMPLATE: 'a ${b} %{ if c }d%{ endif } $${e}' };
    writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(synthesizeStack(stack).json));
    expect(tf('init').status).toBe(0);
    const apply = tf('apply', '-auto-approve');
    expect([apply.status, apply.stderr]).toEqual([0, '']);
    const out = JSON.parse(execFileSync(terraform, ['output', '-json'], { cwd: dir, env, encoding: 'utf8' })) as Record<string, { value: string }>;
    expect(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.value]))).toEqual({
      endpoint_backend_api: 'http://backend-api.nfvo-6fc3539c-e602-4afa-8e13-962fb5a7d81f:9000',
      endpoint_frontend_http: 'http://frontend-http.nfvo-6fc3539c-e602-4afa-8e13-962fb5a7d81f:80',
    });
    const state = JSON.parse(execFileSync(terraform, ['show', '-json'], { cwd: dir, env, encoding: 'utf8' }));
    const backend = state.values.root_module.resources.find((r: { name: string }) => r.name === 'unit-backend-api');
    expect(backend.values.output.env).toContainEqual({ name: 'TEMPLATE', value: 'a ${b} %{ if c }d%{ endif } $${e}' });
    expect(tf('plan', '-detailed-exitcode').status).toBe(0);
    expect(tf('destroy', '-auto-approve').status).toBe(0);
  });
});
