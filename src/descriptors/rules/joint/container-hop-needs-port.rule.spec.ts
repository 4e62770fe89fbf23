import type { ContainerUnit } from '../../model';
import { NSD_FILE, fnd, runRule, svc, validSet, where } from '../test-fixtures';
import { containerHopNeedsPortRule as rule } from './container-hop-needs-port.rule';

const hop = (i: number) => `/forwarding_graphs/0/network_forwarding_paths/0/connection_points/${i}`;
const unexpose = (set: ReturnType<typeof validSet>, name: string) => {
  for (const u of fnd(set, name).units as ContainerUnit[]) for (const p of u.ports) delete p.serviceType;
};

describe('joint.container-hop-needs-port', () => {
  it('accepts hops into container CPs that have a port', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('accepts a CP without port when a unit exposes a port through a Service', () => {
    const set = validSet();
    delete fnd(set, 'backend-api').connectionPoints[0].port;
    expect(runRule(rule, set)).toEqual([]);
  });

  it('reports a hop into a container CP with no port and nothing exposed', () => {
    const set = validSet();
    delete fnd(set, 'backend-api').connectionPoints[0].port;
    unexpose(set, 'backend-api');
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code: 'joint.container-hop-needs-port', severity: 'error', file: NSD_FILE, pointer: hop(7) }]);
    expect(findings[0].message).toContain("enters container function 'be' at 'be:api' (position 8), but connection point 'api' has no port");
  });

  it('does not check the hop that leaves a container function', () => {
    const set = validSet();
    unexpose(set, 'web-frontend'); // web:upstream has no port, but traffic leaves through it
    expect(runRule(rule, set)).toEqual([]);
  });

  it('does not check VM functions', () => {
    const set = validSet();
    svc(set).forwardingGraphs[0].paths[0].hops.splice(5);
    expect(runRule(rule, set)).toEqual([]);
  });
});
