import { login, waitFor } from './emulator-test-client';
import { OpenStackEmulator } from './openstack-emulator';

/** Request and response shapes of the calls the adapter uses, as the OpenStack API references give them. */
describe('emulator against the OpenStack API reference', () => {
  let emu: OpenStackEmulator;
  beforeEach(async () => { emu = await OpenStackEmulator.start({ buildMs: 20, hosts: [{ name: 'c1', vcpus: 4, memoryMiB: 8192 }] }); });
  afterEach(() => emu.close());

  it('Networking: security groups come with egress rules, rules are unique, groups in use stay', async () => {
    const { call } = await login(emu);
    expect(await call('network', '/security-groups', { body: { security_group: { name: 'web', tags: ['t1'] } } })).toEqual({ status: 400, json: { NeutronError: { type: 'HTTPBadRequest', message: "Attribute 'tags' not allowed in POST", detail: '' } } });
    const sg = await call('network', '/security-groups', { body: { security_group: { name: 'web', description: 'web tier' } } });
    expect(sg.status).toBe(201);
    expect(await call('network', `/security-groups/${sg.json.security_group.id}/tags`, { method: 'PUT', body: { tags: ['t1'] } })).toEqual({ status: 200, json: { tags: ['t1'] } });
    expect(sg.json.security_group).toEqual(expect.objectContaining({ name: 'web', description: 'web tier', stateful: true, project_id: expect.any(String), revision_number: 1 }));
    expect(sg.json.security_group.security_group_rules.map((r: { direction: string; ethertype: string }) => `${r.direction}/${r.ethertype}`)).toEqual(['egress/IPv4', 'egress/IPv6']);
    const rule = { security_group_id: sg.json.security_group.id, direction: 'ingress', protocol: 'tcp', port_range_min: 443, port_range_max: 443, remote_ip_prefix: '0.0.0.0/0' };
    expect((await call('network', '/security-group-rules', { body: { security_group_rule: rule } })).status).toBe(201);
    const dup = await call('network', '/security-group-rules', { body: { security_group_rule: rule } });
    expect(dup).toEqual({ status: 409, json: { NeutronError: { type: 'SecurityGroupRuleExists', message: expect.stringMatching(/^Security group rule already exists\. Rule id is /), detail: '' } } });
    expect((await call('network', '/security-groups?tags=t1')).json.security_groups).toHaveLength(1);
    expect((await call('network', '/security-groups?tags=t1,t2')).json.security_groups).toHaveLength(0);
    expect((await call('network', '/security-groups?tags-any=t2,t1')).json.security_groups).toHaveLength(1);
    const net = (await call('network', '/networks', { body: { network: { name: 'n' } } })).json.network;
    await call('network', '/subnets', { body: { subnet: { network_id: net.id, cidr: '10.0.0.0/24', ip_version: 4 } } });
    await call('network', '/ports', { body: { port: { network_id: net.id, security_groups: [sg.json.security_group.id] } } });
    expect((await call('network', `/security-groups/${sg.json.security_group.id}`, { method: 'DELETE' })).json.NeutronError.type).toBe('SecurityGroupInUse');
  });

  it('Compute: server groups, anti-affinity scheduling to NoValidHost, quota 403, limits', async () => {
    const { call } = await login(emu);
    const g = await call('compute', '/os-server-groups', { body: { server_group: { name: 'ha', policies: ['anti-affinity'] } } });
    expect(g).toEqual({ status: 200, json: { server_group: { id: expect.any(String), name: 'ha', policies: ['anti-affinity'], members: [], metadata: {}, project_id: expect.any(String), user_id: expect.any(String) } } });
    expect((await call('compute', '/os-server-groups', { body: { server_group: { name: 'x', policies: ['spread'] } } })).status).toBe(400);
    const image = emu.inventory().images[0].id;
    const boot = (name: string) => call('compute', '/servers', { body: { server: { name, flavorRef: '1', imageRef: image }, 'os:scheduler_hints': { group: g.json.server_group.id } } });
    const a = (await boot('a')).json.server.id;
    const b = (await boot('b')).json.server.id;
    await waitFor(async () => (await call('compute', `/servers/${b}`)).json.server.status === 'ERROR');
    // As on a real Zed, the fault follows the ERROR state a moment later.
    await waitFor(async () => !!(await call('compute', `/servers/${b}`)).json.server.fault);
    expect((await call('compute', `/servers/${b}`)).json.server.fault).toEqual({ code: 500, created: expect.any(String), message: 'No valid host was found. ' });
    expect((await call('compute', `/servers/${a}`)).json.server.status).toBe('ACTIVE');
    expect((await call('compute', `/os-server-groups/${g.json.server_group.id}`)).json.server_group.members).toEqual([a, b]);
    const limits = (await call('compute', '/limits')).json.limits;
    expect(limits.rate).toEqual([]);
    expect(limits.absolute).toEqual(expect.objectContaining({ maxTotalCores: 400, totalCoresUsed: 2, maxTotalInstances: 200, totalInstancesUsed: 2, totalRAMUsed: 1024, maxTotalRAMSize: 1048576, totalServerGroupsUsed: 1 }));

    const small = await OpenStackEmulator.start({ quotas: { instances: 1 } });
    try {
      const s = await login(small);
      const img = small.inventory().images[0].id;
      await s.call('compute', '/servers', { body: { server: { name: 'one', flavorRef: '1', imageRef: img } } });
      expect(await s.call('compute', '/servers', { body: { server: { name: 'two', flavorRef: '1', imageRef: img } } })).toEqual({ status: 403, json: { forbidden: { code: 403, message: 'Quota exceeded for instances: Requested 1, but already used 1 of 1 instances' } } });
    } finally {
      await small.close();
    }
  });

  it('Image: create queued, import with web-download, then active with checksums; a queued image cannot boot', async () => {
    const { call } = await login(emu);
    const created = await call('image', '/images', { body: { name: 'fw', disk_format: 'qcow2', container_format: 'bare' } });
    expect(created.status).toBe(201);
    expect(created.json).toEqual(expect.objectContaining({ name: 'fw', status: 'queued', checksum: null, disk_format: 'qcow2', self: `/v2/images/${created.json.id}` }));
    const id = created.json.id;
    expect((await call('compute', '/servers', { body: { server: { name: 'x', flavorRef: '1', imageRef: id } } })).status).toBe(400);
    expect((await call('image', `/images/${id}/import`, { body: { method: { name: 'glance-direct' } } })).status).toBe(400);
    expect((await call('image', `/images/${id}/import`, { body: { method: { name: 'web-download', uri: 'https://example.net/fw.qcow2' } } })).status).toBe(202);
    expect((await call('image', `/images/${id}`)).json.status).toBe('importing');
    await waitFor(async () => (await call('image', `/images/${id}`)).json.status === 'active');
    expect((await call('image', `/images/${id}`)).json).toEqual(expect.objectContaining({ checksum: expect.stringMatching(/^[0-9a-f]{32}$/), os_hash_algo: 'sha512', os_hash_value: expect.stringMatching(/^[0-9a-f]{128}$/), size: expect.any(Number) }));
    expect((await call('image', `/images/${id}`, { method: 'DELETE' })).status).toBe(204);
  });
});
