import type { VirtualLink } from '../../model';
import { defineRule } from '../rule';
import type { Report } from '../rule';
import { keyText } from '../describe';
import { explainServiceCp, explainUnitCp } from './explain-cp';

/** E-Tree roots are chosen among the link's own members. */
function checkRoots(vl: VirtualLink, where: string, report: Report): void {
  for (const root of vl.roots ?? []) {
    if (!vl.connectionPointRefs.includes(root)) report(vl.source, `${where} names root '${root}', which is not one of its connection points (${vl.connectionPointRefs.join(', ')}); make the root one of those`);
  }
}

/**
 * Every connection point reference must name a declared connection point (SONATA's
 * "undeclared connection point" integrity check): in the service, VL members and roots, path hops
 * and connectivity endpoints; inside a function, its VL members (`unit:cp` or the function's `cp`).
 */
export const unknownConnectionPointRule = defineRule(
  { code: 'integrity.unknown-connection-point', level: 'integrity', severity: 'error', summary: 'A connection point reference (virtual link member or root, path hop, connectivity endpoint, `unit:cp` inside a function) names no declared connection point.' },
  (set, ctx, report) => {
    const s = set.service;
    for (const vl of s?.virtualLinks ?? []) {
      for (const ref of vl.connectionPointRefs) {
        const why = explainServiceCp(`virtual link '${vl.id}'`, ref, ctx.resolveCp(ref), ctx);
        if (why) report(vl.source, why);
      }
      checkRoots(vl, `virtual link '${vl.id}'`, report);
    }
    for (const fg of s?.forwardingGraphs ?? []) {
      for (const path of fg.paths) {
        for (const hop of path.hops) {
          const why = explainServiceCp(`forwarding path '${path.id}' (position ${hop.position})`, hop.connectionPointRef, ctx.resolveCp(hop.connectionPointRef), ctx);
          if (why) report(hop.source, why);
        }
      }
    }
    for (const dep of s?.dependencies ?? []) {
      const target = ctx.lookupFunction(dep.to);
      if (!target || !dep.endpoint) continue; // a missing endpoint is joint.connectivity-endpoint's
      const cp = dep.endpoint.startsWith(`${dep.to}:`) ? dep.endpoint.slice(dep.to.length + 1) : dep.endpoint;
      if (cp.includes(':')) continue; // an endpoint on another function: joint.connectivity-endpoint
      const why = explainServiceCp(`dependency of '${dep.from}' on '${dep.to}'`, `${target.fn.id}:${cp}`, ctx.resolveCp(`${target.fn.id}:${cp}`), ctx);
      if (why) report(dep.source, why);
    }
    for (const fd of set.functions) {
      for (const vl of fd.virtualLinks) {
        for (const ref of vl.connectionPointRefs) {
          const why = explainUnitCp(`virtual link '${vl.id}'`, ref, fd, ctx);
          if (why) report(vl.source, why);
        }
        checkRoots(vl, `virtual link '${vl.id}' of ${keyText(fd.key)}`, report);
      }
    }
  },
);
