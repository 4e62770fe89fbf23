import { listOf } from '../describe';
import { defineRule } from '../rule';

/** A forwarding graph groups links of its own service; naming a link that does not exist is a typo. */
export const unknownVirtualLinkRule = defineRule(
  { code: 'integrity.unknown-virtual-link', level: 'integrity', severity: 'error', summary: "A forwarding graph's constituent virtual link is not a virtual link of the service." },
  (set, ctx, report) => {
    const s = set.service;
    for (const fg of s?.forwardingGraphs ?? []) {
      for (const id of fg.constituentVirtualLinks) {
        if (ctx.virtualLink(id)) continue;
        report(fg.source, `forwarding graph '${fg.id}' lists virtual link '${id}', but the service has no such link (links: ${listOf(s!.virtualLinks.map((vl) => vl.id))}); use one of those or remove it`);
      }
    }
  },
);
