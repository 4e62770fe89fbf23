/**
 * The extensions a default Zed Neutron advertises (ML2 with the port_security extension driver and the
 * router service plugin), as `GET /v2.0/extensions` lists them on a real Zed control plane. Notably
 * absent: `tag-creation`, so a create carrying `tags` is refused and tags go on afterwards
 * (`PUT /v2.0/{resource}/{id}/tags`, the `standard-attr-tag` extension).
 */
export const zedMl2Extensions: readonly string[] = [
  'address-group', 'address-scope', 'agent', 'agent-resources-synced', 'allowed-address-pairs',
  'auto-allocated-topology', 'availability_zone', 'availability_zone_filter', 'binding', 'binding-extended',
  'default-subnetpools', 'dhcp_agent_scheduler', 'dvr', 'empty-string-filtering', 'ext-gw-mode', 'external-net',
  'extra_dhcp_opt', 'extraroute', 'extraroute-atomic', 'filter-validation', 'fip-port-details', 'flavors',
  'floating-ip-port-forwarding-detail', 'floatingip-pools', 'ip-substring-filtering', 'l3-flavors', 'l3-ha',
  'l3-port-ip-change-not-allowed', 'l3_agent_scheduler', 'multi-provider', 'net-mtu', 'net-mtu-writable',
  'network-ip-availability', 'network_availability_zone', 'pagination', 'port-device-profile',
  'port-mac-address-regenerate', 'port-mac-override', 'port-numa-affinity-policy', 'port-security',
  'port-security-groups-filtering', 'project-id', 'provider', 'quota-check-limit', 'quota_details', 'quotas',
  'rbac-address-group', 'rbac-address-scope', 'rbac-policies', 'rbac-security-groups', 'rbac-subnetpool',
  'revision-if-match', 'router', 'router-admin-state-down-before-update', 'router_availability_zone', 'security-group',
  'security-groups-normalized-cidr', 'security-groups-remote-address-group', 'security-groups-shared-filtering',
  'service-type', 'sorting', 'standard-attr-description', 'standard-attr-revisions', 'standard-attr-tag',
  'standard-attr-timestamp', 'stateful-security-group', 'subnet-service-types', 'subnet_allocation', 'subnet_onboard',
  'subnetpool-prefix-ops',
];
