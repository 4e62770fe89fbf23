import type { Dependency } from '../../model';
import { defineRule } from '../rule';
import type { Report } from '../rule';

/** POSIX-portable environment variable names, which is what the address is injected as. */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

function checkOne(dep: Dependency, report: Report): void {
  const where = `connectivity dependency '${dep.from}' → '${dep.to}'`;
  if (!dep.endpoint) report(dep.source, `${where} names no endpoint; set endpoint to the connection point of '${dep.to}' whose address '${dep.from}' needs`);
  else if (dep.endpoint.includes(':') && !dep.endpoint.startsWith(`${dep.to}:`)) {
    report(dep.source, `${where} has endpoint '${dep.endpoint}', which is not on '${dep.to}'; name a connection point of '${dep.to}' (as 'cp' or '${dep.to}:cp'), or change the dependency's target`);
  }
  if (!dep.inject) report(dep.source, `${where} names no variable to inject the address into; set inject to an environment variable name such as ${dep.to.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_ADDR`);
  else if (!ENV_NAME.test(dep.inject)) report(dep.source, `${where} injects into '${dep.inject}', which is not an environment variable name (upper-case letters, digits and '_', not starting with a digit); rename it, e.g. '${dep.inject.toUpperCase().replace(/[^A-Z0-9_]+/g, '_').replace(/^(?=[0-9])/, '_')}'`);
}

/**
 * A connectivity dependency hands `from` the address of one of `to`'s connection points as an
 * environment variable: without an endpoint there is no address, without a valid variable name it
 * cannot be injected, and two dependencies of one function injecting the same name overwrite each
 * other. Whether the endpoint CP exists is integrity.unknown-connection-point's.
 */
export const connectivityEndpointRule = defineRule(
  { code: 'joint.connectivity-endpoint', level: 'joint', severity: 'error', summary: 'A connectivity dependency lacks an endpoint CP of `to`, or an `inject` env name matching ^[A-Z_][A-Z0-9_]*$, or injects a name another dependency of the same function already uses.' },
  (set, _ctx, report) => {
    const injected = new Map<string, Dependency>();
    for (const dep of set.service?.dependencies ?? []) {
      if (dep.type !== 'connectivity') continue;
      checkOne(dep, report);
      if (!dep.inject) continue;
      const key = `${dep.from}\u0000${dep.inject}`;
      const earlier = injected.get(key);
      if (earlier) report(dep.source, `'${dep.from}' gets '${dep.inject}' injected twice (also from its dependency on '${earlier.to}'); use a different variable name for each dependency`);
      else injected.set(key, dep);
    }
  },
);
