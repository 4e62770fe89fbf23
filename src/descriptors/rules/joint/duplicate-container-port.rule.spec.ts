import type { ContainerUnit } from '../../model';
import { WEB_FILE, fnd, runRule, validSet, where } from '../test-fixtures';
import { duplicateContainerPortRule as rule } from './duplicate-container-port.rule';

const web = (set: ReturnType<typeof validSet>) => fnd(set, 'web-frontend').units[0] as ContainerUnit;
const at = { code: 'joint.duplicate-container-port', severity: 'error', file: WEB_FILE, pointer: '/virtual_deployment_units/0' };

describe('joint.duplicate-container-port', () => {
  it('accepts distinct ports', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('reports a port number declared twice for one protocol', () => {
    const set = validSet();
    web(set).ports.push({ name: 'alt', port: 8080, protocol: 'TCP' });
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual([at]);
    expect(findings[0].message).toContain('declares port 8080/TCP twice');
  });

  it('accepts one number on two protocols, and the same port in different units', () => {
    const set = validSet();
    web(set).ports.push({ name: 'quic', port: 8080, protocol: 'UDP' });
    fnd(set, 'web-frontend').units.push({ ...web(set), id: 'sidecar', ports: [{ name: 'main', port: 8080, protocol: 'TCP' }] });
    expect(runRule(rule, set)).toEqual([]);
  });

  it('reports a port name declared twice', () => {
    const set = validSet();
    web(set).ports[1].name = 'main';
    expect(where(runRule(rule, set))).toEqual([at]);
  });
});
