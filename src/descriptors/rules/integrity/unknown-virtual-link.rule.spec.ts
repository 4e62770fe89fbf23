import { NSD_FILE, runRule, svc, validSet, where } from '../test-fixtures';
import { unknownVirtualLinkRule as rule } from './unknown-virtual-link.rule';

describe('integrity.unknown-virtual-link', () => {
  it('accepts constituent links that exist', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('reports a constituent link the service does not have', () => {
    const set = validSet();
    svc(set).forwardingGraphs[0].constituentVirtualLinks.push('lb-2-db');
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([{ code: 'integrity.unknown-virtual-link', severity: 'error', file: NSD_FILE, pointer: '/forwarding_graphs/0' }]);
    expect(findings[0].message).toContain("forwarding graph 'fg01' lists virtual link 'lb-2-db', but the service has no such link (links: mgmt, input-2-fw, fw-2-lb, lb-2-web, web-2-be)");
  });
});
