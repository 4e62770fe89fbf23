/**
 * The extensions a default Zed Neutron advertises (ML2 with the port_security extension driver and the
 * router service plugin), as `GET /v2.0/extensions` lists them on a real Zed control plane. Notably
 * absent: `tag-creation`, so a create carrying `tags` is refused and tags go on afterwards
 * (`PUT /v2.0/{resource}/{id}/tags`, the `standard-attr-tag` extension).
 */
export const zedMl2Extensions: readonly string[] = [
  'address-scope', 'agent', 'allowed-address-pairs', 'auto-allocated-topology', 'availability_zone', 'binding', 'binding-extended',
  'default-subnetpools', 'dhcp_agent_scheduler', 'dns-integration', 'ext-gw-mode', 'external-net', 'extra_dhcp_opt', 'extraroute',
  'filter-validation', 'fip-port-details', 'flavors', 'ip-substring-filtering', 'multi-provider', 'net-mtu', 'net-mtu-writable',
  'network-ip-availability', 'network_availability_zone', 'pagination', 'port-security', 'project-id', 'provider', 'quotas',
  'rbac-policies', 'router', 'security-group', 'service-type', 'sorting', 'standard-attr-description', 'standard-attr-revisions',
  'standard-attr-tag', 'standard-attr-timestamp', 'subnet_allocation', 'subnetpool-prefix-ops',
];
