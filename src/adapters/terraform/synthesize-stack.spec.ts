import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StackInputError } from './kubernetes-values';
import { complexStack, withoutMetadata } from './stack-fixture';
import { synthesizeStack } from './synthesize-stack';

type Json = Record<string, any>;
const golden = (name: string) => join(__dirname, 'golden', name);

describe('synthesizeStack', () => {
  it.each(['kubernetes', 'test'] as const)('synthesizes the complex example for the %s target exactly as the golden file', (target) => {
    const json = withoutMetadata(synthesizeStack(complexStack(target)).json);
    const file = golden(`complex-example.${target}.tf.json`);
    // UPDATE_GOLDEN=1 rewrites the files after a deliberate change; review their diff before committing.
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    expect(json).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it('gives every exposed port a Service, every endpoint an output, every object a valid name, and no credentials to the provider', () => {
    const s = synthesizeStack(complexStack('kubernetes'));
    const j = s.json as Json;
    const deployments = j.resource.kubernetes_deployment_v1 as Json;
    const services = j.resource.kubernetes_service_v1 as Json;
    // The back-end first: the front-end starts after it and takes its address.
    expect(Object.values(services).map((x: Json) => [x.metadata.name, x.spec.type, x.spec.port[0].port])).toEqual([['backend-api', 'ClusterIP', 9000], ['frontend-http', 'NodePort', 80]]);
    expect(s.endpoints).toEqual({ frontend: { http: 'endpoint_frontend_http' }, backend: { api: 'endpoint_backend_api' } });
    expect(Object.keys(j.output)).toEqual(['endpoint_backend_api', 'endpoint_frontend_http']);
    expect(s.predicted).toEqual({ endpoint_backend_api: `http://backend-api.${s.namespace}:9000`, endpoint_frontend_http: `http://frontend-http.${s.namespace}:80` });
    expect(s.units).toEqual({ 'backend.api': `${s.namespace}/backend-api`, 'frontend.web': `${s.namespace}/frontend-web` });
    const names = [s.namespace, ...Object.values(deployments).map((d: Json) => d.metadata.name), ...Object.values(services).map((x: Json) => x.metadata.name)];
    for (const n of names) expect(n).toMatch(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/);
    expect(j.provider.kubernetes).toEqual([{}]);
    // The front-end gets the back-end's address from the dependency; probes and resources come from the descriptor.
    const web = deployments['deployment-frontend-web'].spec.template.spec.container[0];
    expect(web.env).toContainEqual({ name: 'BACKEND_URL', value: 'http://${kubernetes_service_v1.service-backend-api.metadata[0].name}.${kubernetes_service_v1.service-backend-api.metadata[0].namespace}:9000' });
    expect(deployments['deployment-frontend-web'].depends_on).toEqual(['kubernetes_deployment_v1.deployment-backend-api']);
    expect(web.liveness_probe).toEqual({ http_get: { path: '/healthz', port: '8080' }, period_seconds: 10 });
    expect(deployments['deployment-backend-api'].spec.template.spec.container[0].liveness_probe).toEqual({ tcp_socket: [{ port: '9000' }], period_seconds: 10 });
    // Operation ids label the objects but never the pod template, so a new operation restarts no pod.
    expect(deployments['deployment-frontend-web'].metadata.labels['nfvo.io/ns-lcm-op-occ-id']).toBe('a1b2c3d4-0000-4000-8000-000000000000');
    expect(deployments['deployment-frontend-web'].spec.template.metadata.labels['nfvo.io/ns-lcm-op-occ-id']).toBeUndefined();
  });

  it('passes descriptor text through as literal text: no Terraform interpolation or directive can be injected', () => {
    const stack = complexStack('kubernetes');
    stack.functions[0].units[0].env = { GREETING: 'hi ${file("/etc/passwd")} %{ if true }x%{ endif }', PATH_LIKE: '$HOME/$${x}' };
    stack.functions[0].units[0].probes = { liveness: { httpGet: { path: '/h/${var.x}', port: 8080 } } };
    const c = (synthesizeStack(stack).json as Json).resource.kubernetes_deployment_v1['deployment-frontend-web'].spec.template.spec.container[0];
    expect(c.env).toContainEqual({ name: 'GREETING', value: 'hi $${file("/etc/passwd")} %%{ if true }x%%{ endif }' });
    expect(c.env).toContainEqual({ name: 'PATH_LIKE', value: '$HOME/$$${x}' });
    expect(c.liveness_probe.http_get.path).toBe('/h/$${var.x}');
  });

  it.each([
    [(s: ReturnType<typeof complexStack>) => { s.functions[0].units[0].image = 'nginx; rm -rf /'; }, /function frontend, unit web: image "nginx; rm -rf \/" is not a valid image reference/],
    [(s: ReturnType<typeof complexStack>) => { s.functions[0].units[0].image = '${data.x.y}'; }, /is not a valid image reference/],
    [(s: ReturnType<typeof complexStack>) => { s.functions[0].units[0].env = { 'BAD NAME': 'x' }; }, /"BAD NAME" is not a valid environment variable name/],
    [(s: ReturnType<typeof complexStack>) => { s.functions[0].inject = { '${x}': 'y' }; }, /is not a valid environment variable name/],
    [(s: ReturnType<typeof complexStack>) => { s.functions[0].units[0].replicas = -1; }, /replicas -1 is not a count/],
    [(s: ReturnType<typeof complexStack>) => { s.functions[0].units[0].ports[0].targetPort = 70000; }, /port 70000 is not between 1 and 65535/],
  ])('refuses input it cannot deploy as it is (%#)', (spoil, message) => {
    const s = complexStack('kubernetes');
    spoil(s);
    expect(() => synthesizeStack(s)).toThrow(StackInputError);
    expect(() => synthesizeStack(s)).toThrow(message);
  });

  it('keeps long names within Kubernetes limits without two of them colliding', () => {
    const s = complexStack('kubernetes');
    const long = 'a-very-long-function-identifier-that-goes-on-and-on-and-on';
    s.functions.push({ ...structuredClone(s.functions[1]), functionId: `${long}-1` }, { ...structuredClone(s.functions[1]), functionId: `${long}-2` });
    const names = Object.values<Json>((synthesizeStack(s).json as Json).resource.kubernetes_deployment_v1).map((d) => d.metadata.name as string);
    expect(names.filter((n) => n.startsWith('a-very'))).toHaveLength(2);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(63);
  });
});
