import type { StepRecord } from '../engine/step-journal.port';
import type { Deployment } from '../ports/lcm-run-store.port';
import { buildInstantiatePlan } from './build-instantiate-plan';
import { complexDeployment } from './complex-example.fixture';
import { type Plan, planProblems } from './plan.model';
import { reshapePlan } from './reshape-plan';

/** The complex example as deployed: every step's output is its id, so kept steps can be told apart. */
function deployed(plan: Plan): Deployment {
  return { plan: JSON.parse(JSON.stringify(plan)), outputs: Object.fromEntries(plan.steps.map((s) => [s.id, { made: s.id }])) };
}
const states = (seed: StepRecord[]) => Object.fromEntries(seed.map((r) => [r.stepId, r.state]));

describe('reshapePlan', () => {
  const input = complexDeployment();
  const now = deployed(buildInstantiatePlan(input));

  it('changes nothing when the shape is the same: every step is KEPT with its output', () => {
    const { plan, seed } = reshapePlan(now, buildInstantiatePlan(input));
    expect(new Set(seed.map((r) => r.state))).toEqual(new Set(['KEPT']));
    expect(seed.find((r) => r.stepId === 'server:fw.fw-vm.0')!.output).toEqual({ made: 'server:fw.fw-vm.0' });
    expect(plan.steps.some((s) => s.remove || s.restore)).toBe(false);
  });

  it('removing a function removes its servers, ports, and the networks and tunnels only it used, users first', () => {
    const withoutFw = { ...input, copies: { fw: 0 }, vnffgs: {} };
    const { plan, seed } = reshapePlan(now, buildInstantiatePlan(withoutFw));
    expect(planProblems(plan)).toEqual([]);
    const removed = plan.steps.filter((s) => s.remove).map((s) => s.id).sort();
    expect(removed).toEqual([
      'chain:web-chain.client-to-frontend', 'flavor:c2-m2048-d10@site-a-openstack', 'image:nfvo-example-firewall-1.0@site-a-openstack',
      'network:client-2-fw@site-a-openstack', 'network:fw-2-lb@site-a-openstack', 'network:mgmt@site-a-openstack',
      'port:fw.fw-vm.0.eth0', 'port:fw.fw-vm.0.eth1', 'port:fw.fw-vm.0.eth2', 'server:fw.fw-vm.0',
      'wan-tunnel:fw-2-lb:site-a~site-b', 'wan-tunnel:mgmt:site-a~site-b',
    ]);
    const step = (id: string) => plan.steps.find((s) => s.id === id)!;
    // A port goes once the server using it has gone; the network once its ports and tunnels have.
    expect(step('port:fw.fw-vm.0.eth0').dependsOn).toEqual(['server:fw.fw-vm.0']);
    const mgmtPort = plan.steps.find((s) => s.remove && s.kind === 'port' && s.params.network === 'mgmt')!.id;
    expect(step('network:mgmt@site-a-openstack').dependsOn.sort()).toEqual([mgmtPort, 'wan-tunnel:mgmt:site-a~site-b']);
    expect(states(seed)['server:lb.lb-vm.0']).toBe('KEPT');
    expect(states(seed)['server:fw.fw-vm.0']).toBe('PENDING');
    // The networks the lb keeps on site-b stay exactly as they were made (subnet, allocation pool).
    expect(step('network:mgmt@site-b-openstack')).toEqual(now.plan.steps.find((s) => s.id === 'network:mgmt@site-b-openstack'));
  });

  it('adding the function back builds what removing it took away, on the same subnets', () => {
    const gone = deployed(buildInstantiatePlan({ ...input, copies: { fw: 0 }, vnffgs: {} }));
    const { plan, seed } = reshapePlan(gone, buildInstantiatePlan({ ...input, vnffgs: {} }));
    const pending = seed.filter((r) => r.state === 'PENDING').map((r) => r.stepId);
    expect(pending).toEqual(expect.arrayContaining(['server:fw.fw-vm.0', 'network:mgmt@site-a-openstack', 'wan-tunnel:mgmt:site-a~site-b']));
    // Nothing of the functions that stayed is touched.
    expect(plan.steps.filter((s) => pending.includes(s.id) && s.functionId && s.functionId !== 'fw')).toEqual([]);
    const cidr = (p: Plan, id: string) => p.steps.find((s) => s.id === id)!.params.cidr;
    expect(cidr(plan, 'network:mgmt@site-a-openstack')).toBe(cidr(now.plan, 'network:mgmt@site-a-openstack'));
  });

  it('a new classifier re-ensures the chain and keeps the old one to roll back to; a scale removes copies and resizes a stack in one plan', () => {
    const vnffgs = { 'web-chain': { paths: { 'client-to-frontend': { classifier: { protocol: 'udp' as const, destinationPort: 53 } } } } };
    const { plan } = reshapePlan(now, buildInstantiatePlan({ ...input, vnffgs }));
    const chain = plan.steps.find((s) => s.kind === 'chain')!;
    expect([chain.params.classifier, chain.restore?.classifier]).toEqual([{ protocol: 'udp', destinationPort: 53 }, { protocol: 'tcp', destinationPort: 80 }]);

    const big = deployed(buildInstantiatePlan({ ...input, copies: { lb: 2, frontend: 2 } }));
    const mixed = reshapePlan(big, buildInstantiatePlan({ ...input, copies: { lb: 1, frontend: 3 } }));
    expect(mixed.plan.steps.filter((s) => s.remove).map((s) => s.id)).toEqual(expect.arrayContaining(['server:lb.lb-vm.1']));
    const stack = mixed.plan.steps.find((s) => s.id === 'stack:site-b-kubernetes')!;
    const replicas = (p: Record<string, unknown>) => (p.functions as Array<{ functionId: string; units: Array<{ replicas: number }> }>).find((f) => f.functionId === 'frontend')!.units[0].replicas;
    expect(stack.remove).toBeUndefined();
    expect(replicas(stack.params) / replicas(stack.restore!)).toBe(3 / 2);
  });
});
