import type { VirtualLink } from '../../model';
import { isResolved } from '../../validate/cp-resolution';
import { keyText } from '../describe';
import { defineRule } from '../rule';
import type { Report, RuleContext } from '../rule';
import { pathsOf, stepsOf } from './path-steps';

/** E-Lines with the wrong member count are topology.e-line-endpoints' (an error already). */
function tooFewMembers(vl: VirtualLink, where: string, report: Report): boolean {
  if (new Set(vl.connectionPointRefs).size >= 2) return false;
  if (vl.connectivityType === 'E-Line') return true;
  report(vl.source, `${where} joins ${new Set(vl.connectionPointRefs).size} connection point(s), so it carries no traffic; add the connection points it should join, or remove it`);
  return true;
}

/** Management networks carry no chained traffic, so no path is expected to cross them. */
function isManagement(vl: VirtualLink, ctx: RuleContext, managementCps: ReadonlySet<string>): boolean {
  return vl.connectionPointRefs.some((ref) => {
    const r = ctx.resolveCp(ref);
    if (r.kind === 'service-cp') return managementCps.has(r.cpId);
    return r.kind === 'function-cp' && r.descriptor.connectionPoints.some((cp) => cp.id === r.cpId && cp.type === 'management');
  });
}

/**
 * A virtual link costs a network (and for E-Line a dedicated segment) on every site it spans, so
 * links that carry nothing are worth a warning: one joining fewer than two connection points, or,
 * in a service with forwarding paths, one that no forwarding graph lists and no hop crosses
 * (management links excepted).
 */
export const unusedVirtualLinkRule = defineRule(
  { code: 'topology.unused-virtual-link', level: 'topology', severity: 'warning', summary: 'A virtual link joins fewer than two connection points, or (not being a management link) no forwarding graph lists it and no forwarding path crosses it.' },
  (set, ctx, report) => {
    for (const fd of set.functions) for (const vl of fd.virtualLinks) tooFewMembers(vl, `virtual link '${vl.id}' of ${keyText(fd.key)}`, report);
    const s = set.service;
    if (!s) return;
    const used = new Set<string>(s.forwardingGraphs.flatMap((fg) => fg.constituentVirtualLinks));
    let anyPath = false;
    for (const path of pathsOf(set)) {
      const steps = stepsOf(path, ctx);
      anyPath ||= steps.length > 0;
      for (let i = 1; i < steps.length; i++) {
        const [a, b] = [steps[i - 1], steps[i]];
        if (isResolved(a.r) && isResolved(b.r)) {
          const other = new Set(ctx.linksAt(b.r.key));
          for (const vl of ctx.linksAt(a.r.key)) if (other.has(vl)) used.add(vl.id);
        } else if (a.r.kind === 'no-descriptor' || b.r.kind === 'no-descriptor') {
          // Into a function whose descriptor is missing: match the links by the references as written.
          for (const vl of s.virtualLinks) {
            if (vl.connectionPointRefs.includes(a.hop.connectionPointRef) && vl.connectionPointRefs.includes(b.hop.connectionPointRef)) used.add(vl.id);
          }
        }
      }
    }
    const managementCps = new Set(s.connectionPoints.filter((cp) => cp.type === 'management').map((cp) => cp.id));
    for (const vl of s.virtualLinks) {
      if (tooFewMembers(vl, `virtual link '${vl.id}'`, report) || !anyPath || used.has(vl.id) || isManagement(vl, ctx, managementCps)) continue;
      report(vl.source, `virtual link '${vl.id}' is in no forwarding graph and no forwarding path crosses it; list it in the forwarding graph that uses it, or remove it`);
    }
  },
);
