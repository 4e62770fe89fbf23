import { detectFormat } from './detect-format';
import { explainUnknownFormat } from './explain-unknown-format';

const TNG = 'https://raw.githubusercontent.com/sonata-nfv/tng-schema/master';

describe('detectFormat', () => {
  it.each([
    [{ nfvo_descriptor: 'service', schema_version: '1.0' }, 'nfvo/service'],
    [{ nfvo_descriptor: 'function' }, 'nfvo/function'],
    [{ descriptor_type: 'service', descriptor_version: '1.0' }, 'pishahang-v2/service'],
    [{ descriptor_type: 'function', descriptor_flavor: 'kubernetes' }, 'pishahang-v2/function'],
    [{ descriptor_flavor: 'openstack', descriptor_version: '1.0' }, 'pishahang-v2/function'],
    [{ descriptor_schema: `${TNG}/service-descriptor/nsd-schema.yml` }, '5gtango/service'],
    [{ descriptor_schema: `${TNG}/function-descriptor/vnfd-schema.yml` }, '5gtango/function'],
    [{ descriptor_schema: './schemas/my-vnfd.yml', cloudnative_deployment_units: [] }, '5gtango/function'],
    [{ descriptor_schema: 'file:///schemas/nsd.yml', network_functions: [] }, '5gtango/service'],
    [{ cloudnative_deployment_units: [{ id: 'c' }] }, '5gtango/function'],
    [{ descriptor_version: '1.0', cloud_services: [] }, 'pishahang-v1/service'],
    [{ descriptor_version: '2.0', virtual_deployment_units: [{ id: 'a', service_image: 'nginx' }] }, 'pishahang-v1/function'],
    [{ descriptor_version: 'vnfd-schema-01', virtual_deployment_units: [{ id: 'a', vm_image: 'x' }] }, 'sonata/function'],
    [{ descriptor_version: '1.0', network_functions: [] }, 'sonata/service'],
    [{ descriptor_version: '1.0', vendor: 'v', name: 'n', version: '1' }, 'sonata/service'],
  ])('%j is %s', (doc, expected) => {
    const d = detectFormat(doc);
    expect(d && `${d.format}/${d.kind}`).toBe(expected);
  });

  it.each([
    [{ descriptor_schema: `${TNG}/package-specification/napd-schema.yml` }, /not a 5GTANGO NSD or VNFD/],
    [{ descriptor_schema: `${TNG}/policy-descriptor/policy-schema.yml` }, /not a 5GTANGO NSD or VNFD/],
    [{ descriptor_version: '1.0', package_content: [] }, /SONATA package descriptor/],
    [{ tosca_definitions_version: 'tosca_simple_yaml_1_0' }, /TOSCA/],
    [{ 'nsd:nsd-catalog': {} }, /OSM/],
    [{ nfvo_descriptor: 'package' }, /"nfvo_descriptor" is "package"/],
    [{ descriptor_type: 'slice' }, /"descriptor_type" is "slice"/],
    [{ apiVersion: 'v1', kind: 'Pod' }, /cannot be recognised.*SONATA.*5GTANGO.*Pishahang v1.*Pishahang v2/],
    [['a list'], /must be a YAML mapping/],
  ])('%j is no descriptor, and the message says why', (doc, why) => {
    expect(detectFormat(doc)).toBeUndefined();
    expect(explainUnknownFormat(doc)).toMatch(why);
  });
});
