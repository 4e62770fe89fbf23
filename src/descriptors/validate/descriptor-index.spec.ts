import { NSD_FILE, fnd, svc, validSet } from '../rules/test-fixtures';
import { buildDescriptorIndex } from './descriptor-index';

describe('buildDescriptorIndex', () => {
  it('resolves service CPs, function CPs and says why others do not resolve', () => {
    const ix = buildDescriptorIndex(validSet());
    expect(ix.resolveCp('input')).toMatchObject({ kind: 'service-cp', cpId: 'input' });
    expect(ix.resolveCp('fw:in')).toMatchObject({ kind: 'function-cp', cpId: 'in', byName: false, fn: { id: 'fw' } });
    expect(ix.resolveCp('fw:eth7')).toMatchObject({ kind: 'unknown-function-cp', cpPart: 'eth7' });
    expect(ix.resolveCp('zz:in')).toMatchObject({ kind: 'unknown-function', fnPart: 'zz', cpPart: 'in' });
    expect(ix.resolveCp('nowhere')).toMatchObject({ kind: 'unknown-service-cp', cpId: 'nowhere' });
  });

  it('falls back to descriptor names, marking the result byName', () => {
    const ix = buildDescriptorIndex(validSet());
    expect(ix.resolveCp('firewall-vnf:in')).toMatchObject({ kind: 'function-cp', byName: true, fn: { id: 'fw' } });
    expect(ix.lookupFunction('haproxy-vnf')).toMatchObject({ byName: true, fn: { id: 'lb' } });
    expect(ix.lookupFunction('lb')).toMatchObject({ byName: false });
  });

  it('accepts function ids that contain a colon', () => {
    const set = validSet();
    svc(set).functions[0].id = 'ns:fw';
    expect(buildDescriptorIndex(set).resolveCp('ns:fw:in')).toMatchObject({ kind: 'function-cp', cpId: 'in', fn: { id: 'ns:fw' } });
  });

  it('prefers the package over onboarded descriptors with the same key', () => {
    const set = validSet();
    const other = { ...fnd(set, 'firewall-vnf'), connectionPoints: [] };
    const ix = buildDescriptorIndex(set, { extraFunctions: [other] });
    expect(ix.descriptorOf(svc(set).functions[0])).toBe(fnd(set, 'firewall-vnf'));
  });

  it('indexes the links at each connection point and path hops by position', () => {
    const set = validSet();
    const path = svc(set).forwardingGraphs[0].paths[0];
    path.hops.reverse();
    const ix = buildDescriptorIndex(set);
    expect(ix.linksAt((ix.resolveCp('fw:out') as { key: string }).key).map((vl) => vl.id)).toEqual(['fw-2-lb']);
    expect(ix.hopsOf(path).map((h) => h.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ix.virtualLink('mgmt')?.source).toEqual({ file: NSD_FILE, pointer: '/virtual_links/0' });
  });

  it("wires a VM function through its units and links, and treats containers as one box", () => {
    const set = validSet();
    const ix = buildDescriptorIndex(set);
    const fw = ix.wiring(fnd(set, 'firewall-vnf'));
    expect(fw.blackBox).toBe(false);
    expect(fw.partOf('in')).toBe(fw.partOf('out'));
    expect(ix.wiring(fnd(set, 'web-frontend')).blackBox).toBe(true);
  });
});
