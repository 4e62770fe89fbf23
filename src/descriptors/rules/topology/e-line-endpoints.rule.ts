import type { VirtualLink } from '../../model';
import { keyText } from '../describe';
import { defineRule } from '../rule';
import type { Report } from '../rule';

function check(vl: VirtualLink, where: string, report: Report): void {
  if (vl.connectivityType !== 'E-Line') return;
  const members = [...new Set(vl.connectionPointRefs)];
  if (members.length === 2) return;
  report(vl.source, `${where} is an E-Line (point-to-point) but joins ${members.length} distinct connection point(s)${members.length ? ` (${members.join(', ')})` : ''}; an E-Line joins exactly two: split it, or make it an E-LAN`);
}

/** MEF E-Line is point-to-point: the chain programmer wires it as one patch between two ports. */
export const eLineEndpointsRule = defineRule(
  { code: 'topology.e-line-endpoints', level: 'topology', severity: 'error', summary: 'An E-Line virtual link (service or function) does not join exactly two distinct connection points.' },
  (set, _ctx, report) => {
    for (const vl of set.service?.virtualLinks ?? []) check(vl, `virtual link '${vl.id}'`, report);
    for (const fd of set.functions) for (const vl of fd.virtualLinks) check(vl, `virtual link '${vl.id}' of ${keyText(fd.key)}`, report);
  },
);
