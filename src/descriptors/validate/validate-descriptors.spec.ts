import type { Finding } from '../model';
import { defineRule } from '../rules/rule';
import { FW_FILE, NSD_FILE, fnd, svc, validSet } from '../rules/test-fixtures';
import { ALL_RULES, FINDING_CODES, validateDescriptors } from './validate-descriptors';

const rule = (code: string, findings: Array<Partial<Finding>>) =>
  defineRule({ code, level: 'integrity', severity: 'warning', summary: 'test' }, (_s, _c, report) => {
    for (const f of findings) report({ file: f.file ?? NSD_FILE, pointer: f.pointer ?? '' }, f.message ?? 'm');
  });

describe('validateDescriptors', () => {
  it('finds nothing in the valid complex service', () => {
    expect(validateDescriptors(validSet())).toEqual({ valid: true, findings: [], counts: { errors: 0, warnings: 0 } });
  });

  it('validates a VNF package (functions only, no service)', () => {
    const set = validSet();
    delete set.service;
    expect(validateDescriptors(set).findings).toEqual([]);
    fnd(set, 'firewall-vnf').virtualLinks[0].connectionPointRefs[0] = 'vdu02:eth0';
    expect(validateDescriptors(set).findings.map((f) => f.code)).toEqual(['integrity.unknown-connection-point']);
  });

  it('resolves functions against already onboarded descriptors', () => {
    const set = validSet();
    const onboarded = set.functions.splice(0, 2);
    expect(validateDescriptors(set).valid).toBe(false);
    expect(validateDescriptors(set, { extraFunctions: onboarded }).findings).toEqual([]);
  });

  it('turns a throwing rule into internal.rule-failure and still runs the others', () => {
    const broken = defineRule({ code: 'integrity.broken', level: 'topology' as 'integrity', severity: 'warning', summary: 'x' }, () => {
      throw new Error('boom');
    });
    const report = validateDescriptors(validSet(), { rules: [broken, rule('integrity.after', [{}])] });
    expect(report.findings).toEqual([
      { code: 'integrity.after', severity: 'warning', level: 'integrity', file: NSD_FILE, pointer: '', message: 'm' },
      expect.objectContaining({ code: 'internal.rule-failure', severity: 'error', level: 'topology', file: NSD_FILE, pointer: '' }),
    ]);
    expect(report.findings[1].message).toContain("validation rule 'integrity.broken' failed (boom)");
    expect(report).toMatchObject({ valid: false, counts: { errors: 1, warnings: 1 } });
  });

  it('never throws, even for a set that is not a descriptor set at all', () => {
    const report = validateDescriptors({} as never);
    expect(report.valid).toBe(false);
    expect(report.findings.every((f) => f.code === 'internal.rule-failure')).toBe(true);
  });

  it('sorts by file, pointer (array indexes numerically), code and message; drops exact repeats', () => {
    const report = validateDescriptors(validSet(), { rules: [
      rule('topology.b', [{ pointer: '/virtual_links/10' }, { pointer: '/virtual_links/2' }, { file: FW_FILE }]),
      rule('integrity.a', [{ pointer: '/virtual_links/2', message: 'z' }, { pointer: '/virtual_links/2', message: 'y' }, { pointer: '/virtual_links/2', message: 'y' }]),
    ] });
    expect(report.findings.map((f) => [f.file, f.pointer, f.code, f.message])).toEqual([
      [FW_FILE, '', 'topology.b', 'm'],
      [NSD_FILE, '/virtual_links/2', 'integrity.a', 'y'],
      [NSD_FILE, '/virtual_links/2', 'integrity.a', 'z'],
      [NSD_FILE, '/virtual_links/2', 'topology.b', 'm'],
      [NSD_FILE, '/virtual_links/10', 'topology.b', 'm'],
    ]);
    expect(report.counts).toEqual({ errors: 0, warnings: 5 });
  });

  it('reports several problems at once, errors and warnings counted', () => {
    const set = validSet();
    svc(set).virtualLinks.splice(3, 1); // lb-2-web: path breaks, microservices cut off, the graph lists a ghost
    svc(set).dependencies.push({ from: 'be', to: 'lb', type: 'startup', source: { file: NSD_FILE, pointer: '/dependencies/3' } });
    const report = validateDescriptors(set);
    expect(report.findings.map((f) => `${f.severity} ${f.code} ${f.pointer}`)).toEqual([
      'warning topology.disconnected ',
      'error joint.startup-cycle /dependencies/0',
      'error integrity.unknown-virtual-link /forwarding_graphs/0',
      'error topology.path-not-on-virtual-link /forwarding_graphs/0/network_forwarding_paths/0/connection_points/5',
    ]);
    expect(report).toMatchObject({ valid: false, counts: { errors: 3, warnings: 1 } });
  });

  it('exports every rule once and every code with a stable format', () => {
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    expect(new Set(FINDING_CODES).size).toBe(FINDING_CODES.length);
    for (const code of FINDING_CODES) expect(code).toMatch(/^[a-z]+\.[a-z-]+$/);
    for (const r of ALL_RULES) expect(r.codes.every((c) => c.startsWith(`${r.level}.`))).toBe(true);
  });
});
