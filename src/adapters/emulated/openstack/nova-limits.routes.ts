import type { Route } from './http-kit';

/** Compute API v2.1, "Limits": the project's absolute limits and what it uses of them. */
export const novaLimitRoutes: Route[] = [
  {
    method: 'GET', path: '/limits', operation: 'nova.limits.get', service: 'nova',
    handle: ({ state }) => {
      let cores = 0;
      let ram = 0;
      for (const s of state.servers.values()) {
        const f = state.flavors.get((s.flavor as { id: string }).id);
        cores += f?.vcpus ?? 0;
        ram += f?.ram ?? 0;
      }
      const q = state.quotas;
      const absolute = {
        maxImageMeta: 128, maxPersonality: 5, maxPersonalitySize: 10240, maxSecurityGroupRules: 20, maxSecurityGroups: 10, maxServerMeta: 128,
        maxTotalCores: q.cores, maxTotalFloatingIps: 10, maxTotalInstances: q.instances, maxTotalKeypairs: 100, maxTotalRAMSize: q.ramMiB,
        maxServerGroups: q.serverGroups, maxServerGroupMembers: 10,
        totalCoresUsed: cores, totalFloatingIpsUsed: 0, totalInstancesUsed: state.servers.size, totalRAMUsed: ram, totalSecurityGroupsUsed: 0, totalServerGroupsUsed: state.serverGroups.size,
      };
      return { status: 200, body: { limits: { absolute, rate: [] } } };
    },
  },
];
