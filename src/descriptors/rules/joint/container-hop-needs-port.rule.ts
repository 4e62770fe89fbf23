import { isResolved } from '../../validate/cp-resolution';
import { defineRule } from '../rule';
import { functionOf, hopText, pathsOf, stepsOf } from '../topology/path-steps';

/**
 * A microservice receives chained traffic through a Kubernetes Service, so the connection point a
 * path enters it by must map to an exposed port: the CP names its `port`, or some container unit
 * of the function exposes a port through a Service (`serviceType`). Only hops that ENTER a
 * kubernetes function are checked (the previous hop is elsewhere): a hop that leaves it, or a path
 * that starts inside it, needs no inbound port.
 */
export const containerHopNeedsPortRule = defineRule(
  { code: 'joint.container-hop-needs-port', level: 'joint', severity: 'error', summary: "A forwarding hop enters a container (kubernetes) function through a CP that has no `port`, while none of the function's units exposes a port with a `serviceType`." },
  (set, ctx, report) => {
    for (const path of pathsOf(set)) {
      const steps = stepsOf(path, ctx);
      for (let i = 1; i < steps.length; i++) {
        const { r } = steps[i];
        if (r.kind !== 'function-cp' || r.descriptor.target !== 'kubernetes') continue;
        if (!isResolved(steps[i - 1].r) || functionOf(steps[i - 1]) === r.fn.id) continue;
        const cp = r.descriptor.connectionPoints.find((c) => c.id === r.cpId);
        if (cp?.port !== undefined) continue;
        if (r.descriptor.units.some((u) => u.kind === 'container' && u.ports.some((p) => p.serviceType !== undefined))) continue;
        report(steps[i].hop.source, `forwarding path '${path.id}' enters container function '${r.fn.id}' at ${hopText(steps[i])}, but connection point '${r.cpId}' has no port and no unit of the function exposes one through a Service; set the connection point's port, or give a unit port a serviceType`);
      }
    }
  },
);
