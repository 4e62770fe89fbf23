/**
 * A VM-only network service of `count` functions, each one VM of the given size on a management LAN,
 * as descriptor texts (our SONATA-style format). Each function may scale out by one copy. The image is
 * named with its MD5 checksum, so the NFVO boots only that image and never downloads one.
 */
export interface VmServiceOptions { count: number; name?: string; image: { name: string; md5: string }; vcpus?: number; memoryMiB?: number; diskGiB?: number }

export function vmServiceFiles(o: VmServiceOptions): Record<string, string> {
  const name = o.name ?? `vm-service-${o.count}`;
  const fns = Array.from({ length: o.count }, (_, i) => `vnf${i + 1}`);
  const files: Record<string, string> = {};
  for (const fn of fns) {
    files[`${fn}-vnfd.yaml`] = `nfvo_descriptor: function
schema_version: "1.0"
vendor: eu.example.nfvo
name: ${name}-${fn}
version: "1.0"
target: openstack
units:
  - id: vm
    kind: vm
    image: { name: "${o.image.name}", checksum: { algorithm: md5, hash: "${o.image.md5}" } }
    resources: { vcpus: ${o.vcpus ?? 1}, memory_mib: ${o.memoryMiB ?? 512}, storage_gib: ${o.diskGiB ?? 1} }
    connection_points:
      - { id: eth0, interface: ipv4, type: management }
connection_points:
  - { id: mgmt, interface: ipv4, type: management }
virtual_links:
  - { id: mgmt, connectivity_type: E-LAN, connection_points_reference: ["vm:eth0", mgmt] }
`;
  }
  files['nsd.yaml'] = `nfvo_descriptor: service
schema_version: "1.0"
vendor: eu.example.nfvo
name: ${name}
version: "1.0"
functions:
${fns.map((fn) => `  - { id: ${fn}, vendor: eu.example.nfvo, name: ${name}-${fn}, version: "1.0", scaling: { min: 1, max: 2, initial: 1 } }`).join('\n')}
connection_points:
  - { id: mgmt, interface: ipv4, type: management }
virtual_links:
  - id: mgmt
    connectivity_type: E-LAN
    connection_points_reference: [mgmt, ${fns.map((fn) => `"${fn}:mgmt"`).join(', ')}]
`;
  return files;
}
