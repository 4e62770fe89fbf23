import type { ContainerUnit, VmUnit } from '../../model';
import { FW_FILE, WEB_FILE, fnd, runRule, validSet, where } from '../test-fixtures';
import { missingImageRule as rule } from './missing-image.rule';

const code = 'integrity.missing-image';
const vm = (set: ReturnType<typeof validSet>) => fnd(set, 'firewall-vnf').units[0] as VmUnit;
const container = (set: ReturnType<typeof validSet>) => fnd(set, 'web-frontend').units[0] as ContainerUnit;
const atVm = [{ code, severity: 'error', file: FW_FILE, pointer: '/virtual_deployment_units/0' }];

describe('integrity.missing-image', () => {
  it('accepts images with name, URL and a well-formed checksum', () => {
    expect(runRule(rule, validSet())).toEqual([]);
  });

  it('reports a VM unit with neither image name nor URL', () => {
    const set = validSet();
    vm(set).image = { name: ' ' };
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual(atVm);
    expect(findings[0].message).toContain("VM unit 'vdu01' of eu.nfvo:firewall-vnf:1.0 has no image");
  });

  it('accepts a VM image given only by URL', () => {
    const set = validSet();
    vm(set).image = { name: '', url: 'http://registry.sonata-nfv.eu/html/files/VM_images/sonata-VM-2ports.qcow' };
    expect(runRule(rule, set)).toEqual([]);
  });

  it.each([
    [{ algorithm: 'sha256', hash: 'abc' }, 'not 64 hexadecimal digits'],
    [{ algorithm: 'md5', hash: 'z'.repeat(32) }, 'not 32 hexadecimal digits'],
    [{ algorithm: 'crc32', hash: 'abcd' }, "algorithm 'crc32'"],
  ])('reports a malformed checksum %j', (checksum, hint) => {
    const set = validSet();
    vm(set).image.checksum = checksum as VmUnit['image']['checksum'];
    const findings = runRule(rule, set);
    expect(where(findings)).toEqual(atVm);
    expect(findings[0].message).toContain(hint);
  });

  it('reports an image URL that is not a URL', () => {
    const set = validSet();
    vm(set).image.url = 'registry example/img';
    expect(where(runRule(rule, set))).toEqual(atVm);
  });

  it('checks file:// images against the package files when they are known', () => {
    const set = validSet();
    vm(set).image = { name: 'file:///docker_files/iperf/Dockerfile' };
    expect(runRule(rule, set)).toEqual([]);
    expect(runRule(rule, set, { packageFiles: ['docker_files/iperf/Dockerfile'] })).toEqual([]);
    const findings = runRule(rule, set, { packageFiles: ['docker_files/tcpdump/Dockerfile'] });
    expect(where(findings)).toEqual(atVm);
    expect(findings[0].message).toContain("the package has no file 'docker_files/iperf/Dockerfile'");
  });

  it.each([[''], ['nginx latest']])("reports a container unit with image '%s'", (image) => {
    const set = validSet();
    container(set).image = image;
    expect(where(runRule(rule, set))).toEqual([{ code, severity: 'error', file: WEB_FILE, pointer: '/virtual_deployment_units/0' }]);
  });
});
