import type { FunctionDescriptor, ServiceDescriptor } from '../../src/descriptors/model';
import { importDescriptor } from '../../src/descriptors/parse/import-descriptor';
import { parseDescriptorText } from '../../src/descriptors/parse/parse-descriptor-text';

/** The NSD id of the three-VNF service once onboarded. */
export const THREE_VNF_NSD_ID = 'eu.example.nfvo:three-vnf:1.0';

const vnf = (name: string) => `nfvo_descriptor: function
schema_version: "1.0"
vendor: eu.example.nfvo
name: ${name}
version: "1.0"
target: openstack
units:
  - id: vm
    kind: vm
    image: { name: cirros-0.6.2-x86_64-disk }
    resources: { vcpus: 1, memory_mib: 512, storage_gib: 1 }
    connection_points:
      - { id: eth0, interface: ipv4, type: management }
connection_points:
  - { id: mgmt, interface: ipv4, type: management }
virtual_links:
  - { id: mgmt, connectivity_type: E-LAN, connection_points_reference: ["vm:eth0", mgmt] }
`;

/**
 * A service of three single-VM functions (one server each, one instance of quota each) on one
 * management network: the smallest service that places three servers on one OpenStack VIM. Function
 * `a` scales out to three copies.
 */
export const threeVnfFiles = (): Record<string, string> => ({
  'nsd.yaml': `nfvo_descriptor: service
schema_version: "1.0"
vendor: eu.example.nfvo
name: three-vnf
version: "1.0"
functions:
  - { id: a, vendor: eu.example.nfvo, name: vnf-a, version: "1.0", scaling: { min: 1, max: 3, initial: 1 } }
  - { id: b, vendor: eu.example.nfvo, name: vnf-b, version: "1.0" }
  - { id: c, vendor: eu.example.nfvo, name: vnf-c, version: "1.0" }
connection_points:
  - { id: mgmt, interface: ipv4, type: management }
virtual_links:
  - { id: mgmt, connectivity_type: E-LAN, connection_points_reference: [mgmt, "a:mgmt", "b:mgmt", "c:mgmt"] }
`,
  'vnf-a.yaml': vnf('vnf-a'),
  'vnf-b.yaml': vnf('vnf-b'),
  'vnf-c.yaml': vnf('vnf-c'),
});

/** The same descriptors parsed to the joint model (for specs that skip onboarding). */
export function threeVnfDescriptors(): { service: ServiceDescriptor; functions: FunctionDescriptor[] } {
  const parsed = Object.entries(threeVnfFiles()).map(([file, text]) => importDescriptor(parseDescriptorText(file, text)).descriptor as ServiceDescriptor | FunctionDescriptor);
  return { service: parsed.find((d): d is ServiceDescriptor => d.kind === 'service')!, functions: parsed.filter((d): d is FunctionDescriptor => d.kind === 'function') };
}
