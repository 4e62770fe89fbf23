import type { SourceRef } from '../../model';
import type { FunctionLookup } from '../../validate/cp-resolution';
import { defineRule } from '../rule';

const quoted = (ids: string[]): string => (ids.length === 1 ? `'${ids[0]}'` : `one of ${ids.map((id) => `'${id}'`).join(', ')}`);

/**
 * References name a function by its instance id in the service (SONATA vnf_id), not by its
 * descriptor name. Several upstream examples (Pishahang's ping-forwarder, ping-pong) write
 * `forwarder-vm-vnf:eth0` while the function's id is `vm-forwarder`. The orchestrator cannot
 * guess which instance is meant once a descriptor runs twice, so this is an error with the fix.
 */
export const referenceByNameRule = defineRule(
  { code: 'integrity.reference-by-name', level: 'integrity', severity: 'error', summary: 'A reference names a function by its descriptor name instead of its instance id in the service.' },
  (set, ctx, report) => {
    const s = set.service;
    if (!s) return;
    const checkFunction = (written: string, where: string, at: SourceRef) => {
      const found: FunctionLookup | undefined = ctx.lookupFunction(written);
      if (found?.byName) report(at, `${where} names function '${written}' by its descriptor name; references use the function's id in this service: write ${quoted(found.candidates.map((fn) => fn.id))}`);
    };
    const checkCp = (ref: string, where: string, at: SourceRef) => {
      const r = ctx.resolveCp(ref);
      if (!('byName' in r) || !r.byName) return;
      const cp = r.kind === 'function-cp' ? r.cpId : r.cpPart;
      const fnPart = ref.slice(0, ref.length - cp.length - 1);
      const fixes = (ctx.lookupFunction(fnPart)?.candidates ?? [r.fn]).map((fn) => `${fn.id}:${cp}`);
      report(at, `${where} references '${ref}', naming the function by its descriptor name '${fnPart}'; references use the function's id in this service: write ${quoted(fixes)}`);
    };
    for (const vl of s.virtualLinks) for (const ref of vl.connectionPointRefs) checkCp(ref, `virtual link '${vl.id}'`, vl.source);
    for (const fg of s.forwardingGraphs) {
      for (const id of fg.constituentFunctions) checkFunction(id, `forwarding graph '${fg.id}'`, fg.source);
      for (const path of fg.paths) for (const hop of path.hops) checkCp(hop.connectionPointRef, `forwarding path '${path.id}' (position ${hop.position})`, hop.source);
    }
    for (const dep of s.dependencies) {
      checkFunction(dep.from, `a ${dep.type} dependency`, dep.source);
      checkFunction(dep.to, `a ${dep.type} dependency`, dep.source);
    }
    for (const p of s.placement) for (const id of p.functions) checkFunction(id, `a ${p.type} placement constraint`, p.source);
    for (const m of s.monitoringParameters) if (m.from) checkFunction(m.from.split(':')[0], `monitoring parameter '${m.name}'`, m.source);
  },
);
