import { functionCpKey, isResolved, serviceCpKey } from '../../validate/cp-resolution';
import { UnionFind } from '../../validate/union-find';
import { listOf } from '../describe';
import { defineRule } from '../rule';

/**
 * The service graph: its own connection points and every function's connection points are the
 * nodes; a service virtual link joins all its members, and a function joins the CPs its inside
 * wires together (see validate/function-wiring.ts). A function without connection points is one
 * node. More than one part means some element cannot reach the rest. A warning, as in SONATA's
 * validator: independent endpoints (e.g. a CNF reached only through its own external CP) are legal.
 */
export const disconnectedRule = defineRule(
  { code: 'topology.disconnected', level: 'topology', severity: 'warning', summary: 'The service graph (virtual links, functions\' internal wiring, service CPs) falls apart into unconnected parts; the message names each part.' },
  (set, ctx, report) => {
    const s = set.service;
    if (!s) return;
    const graph = new UnionFind();
    const label = new Map<string, string>();
    const node = (key: string, text: string) => { graph.add(key); label.set(key, text); };
    for (const cp of s.connectionPoints) node(serviceCpKey(cp.id), cp.id);
    for (const id of ctx.functionIds()) {
      const fd = ctx.descriptorOf(ctx.lookupFunction(id)!.fn);
      if (!fd || fd.connectionPoints.length === 0) { node(`fn\u0000${id}`, `function '${id}'`); continue; }
      const w = ctx.wiring(fd);
      const partHead = new Map<string, string>();
      for (const cp of w.cpIds) {
        const key = functionCpKey(id, cp);
        node(key, `${id}:${cp}`);
        const head = partHead.get(w.partOf(cp));
        if (head) graph.union(head, key);
        else partHead.set(w.partOf(cp), key);
      }
    }
    // A function whose descriptor is missing is one opaque node: its links still join it to the rest
    // (its missing descriptor is integrity.unknown-function-descriptor's to report, not a topology fault).
    const keyOf = (ref: string) => {
      const r = ctx.resolveCp(ref);
      if (isResolved(r)) return r.key;
      return r.kind === 'no-descriptor' ? `fn\u0000${r.fn.id}` : undefined;
    };
    for (const vl of s.virtualLinks) {
      const keys = vl.connectionPointRefs.map(keyOf).filter((k): k is string => k !== undefined);
      for (const key of keys) graph.union(keys[0], key);
    }
    const parts = graph.groups();
    if (parts.length < 2) return;
    const shown = parts.slice(0, 5).map((p) => `[${listOf(p.map((k) => label.get(k)!), 6)}]`).join(', ');
    const more = parts.length > 5 ? ` and ${parts.length - 5} more` : '';
    report(s.source, `the service graph falls apart into ${parts.length} parts that no virtual link joins: ${shown}${more}; join them with virtual links, or remove what does not belong to this service`);
  },
);
