import { buildInstantiatePlan } from './build-instantiate-plan';
import { complexDeployment } from './complex-example.fixture';
import { planProblems } from './plan.model';

describe('instantiate plan of the complex example', () => {
  const plan = buildInstantiatePlan(complexDeployment());
  const step = (id: string) => plan.steps.find((s) => s.id === id)!;

  it('is a DAG of steps per VIM: networks, image, flavor, ports, servers; stacks; a WAN tunnel; the chain', () => {
    expect(planProblems(plan)).toEqual([]);
    expect(plan.steps.map((s) => s.id).sort()).toEqual([
      'chain:web-chain.client-to-frontend',
      'flavor:c2-m2048-d10@site-a-openstack', 'flavor:c2-m4096-d10@site-b-openstack',
      'image:nfvo-example-firewall-1.0@site-a-openstack', 'image:nfvo-example-haproxy-1.0@site-b-openstack',
      'network:client-2-fw@site-a-openstack', 'network:fw-2-lb@site-a-openstack', 'network:fw-2-lb@site-b-openstack',
      'network:lb-2-frontend@site-b-openstack', 'network:mgmt@site-a-openstack', 'network:mgmt@site-b-openstack',
      'port:fw.fw-vm.0.eth0', 'port:fw.fw-vm.0.eth1', 'port:fw.fw-vm.0.eth2',
      'port:lb.lb-vm.0.eth0', 'port:lb.lb-vm.0.eth1', 'port:lb.lb-vm.0.eth2',
      'server:fw.fw-vm.0', 'server:lb.lb-vm.0',
      'stack:site-b-kubernetes',
      'wan-tunnel:fw-2-lb:site-a~site-b', 'wan-tunnel:mgmt:site-a~site-b',
    ]);
  });

  it('names resources deterministically and wires ports to their networks through references', () => {
    expect(step('port:fw.fw-vm.0.eth1').params).toMatchObject({ name: 'nfvo-6fc3539c-fw-fw-vm-0-eth1', networkId: { $ref: 'network:client-2-fw@site-a-openstack#networkId' }, portSecurity: false });
    expect(step('server:fw.fw-vm.0')).toMatchObject({
      dependsOn: expect.arrayContaining(['image:nfvo-example-firewall-1.0@site-a-openstack', 'port:fw.fw-vm.0.eth0']),
      params: { name: 'nfvo-6fc3539c-fw-fw-vm-0', portIds: [{ $ref: 'port:fw.fw-vm.0.eth0#portId' }, { $ref: 'port:fw.fw-vm.0.eth1#portId' }, { $ref: 'port:fw.fw-vm.0.eth2#portId' }] },
    });
    // The same link keeps one subnet on both sites, so the tunnel joins one L2 segment; chained links turn port security off.
    expect(step('network:fw-2-lb@site-a-openstack').params.cidr).toBe(step('network:fw-2-lb@site-b-openstack').params.cidr);
    // ... each site hands out its own half of it, and only site-a has the gateway.
    expect(step('network:fw-2-lb@site-a-openstack').params).toMatchObject({ allocationPools: [{ start: '10.100.2.2', end: '10.100.2.127' }] });
    expect(step('network:fw-2-lb@site-b-openstack').params).toMatchObject({ allocationPools: [{ start: '10.100.2.128', end: '10.100.2.253' }], gatewayIp: null });
    expect(step('network:client-2-fw@site-a-openstack').params.allocationPools).toBeUndefined();
    expect([step('network:fw-2-lb@site-a-openstack').params.portSecurity, step('network:mgmt@site-a-openstack').params.portSecurity]).toEqual([false, true]);
  });

  it('puts the microservices of one cluster into one stack, which orders them and gives the front-end the back-end\'s address', () => {
    const stack = step('stack:site-b-kubernetes');
    expect(stack.params.name).toBe('nfvo-6fc3539c-stack-site-b-kubernetes');
    const [frontend, backend] = ['frontend', 'backend'].map((fn) => (stack.params.functions as Array<{ functionId: string }>).find((f) => f.functionId === fn)!);
    expect(frontend).toMatchObject({ after: ['backend'], local: { BACKEND_URL: { functionId: 'backend', endpoint: 'api' } }, inject: {} });
    expect(backend).toMatchObject({ units: [expect.objectContaining({ id: 'api', replicas: 2, probes: expect.any(Object) })], endpoints: [{ id: 'api', port: 9000 }] });
    expect(stack.dependsOn).toEqual([]);
    expect([...step('chain:web-chain.client-to-frontend').dependsOn].sort()).toEqual(['server:fw.fw-vm.0', 'server:lb.lb-vm.0', 'stack:site-b-kubernetes', 'wan-tunnel:fw-2-lb:site-a~site-b'].sort());
  });

  it('gives a VM the address of what it depends on in its server metadata, and starts it after that', () => {
    const input = complexDeployment();
    input.service.dependencies.push({ from: 'lb', to: 'backend', type: 'connectivity', endpoint: 'api', inject: 'BACKEND_URL', source: input.service.dependencies[0].source });
    const lb = buildInstantiatePlan(input).steps.find((s) => s.id === 'server:lb.lb-vm.0')!;
    expect(lb.params.metadata).toEqual({ BACKEND_URL: { $ref: 'stack:site-b-kubernetes#endpoint:backend.api' } });
    expect(lb.dependsOn).toContain('stack:site-b-kubernetes');
    expect(step('server:lb.lb-vm.0').params.metadata).toBeUndefined();
  });

  it('is the same plan every time (a re-run after a crash finds the same steps)', () => {
    expect(buildInstantiatePlan(complexDeployment())).toEqual(plan);
  });

  it('planProblems finds cycles and unknown dependencies', () => {
    const bad = { steps: [{ id: 'a', kind: 'network' as const, params: {}, dependsOn: ['b'] }, { id: 'b', kind: 'port' as const, params: {}, dependsOn: ['a', 'x'] }] };
    expect(planProblems(bad)).toEqual(['step b depends on unknown step x', 'dependency cycle: a -> b -> a']);
  });
});
