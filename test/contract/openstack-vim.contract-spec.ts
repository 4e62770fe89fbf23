import { randomUUID } from 'node:crypto';
import { zedMl2Extensions } from '../../src/adapters/emulated/openstack/neutron-extensions';
import type { ResourceOwner } from '../../src/lifecycle/ports/vim.port';
import { describeIf } from '../support/requires';
import { leftoversNamed, sweepNamed } from '../support/openstack/sweep';
import type { CloudClient } from '../../scripts/support/cloud-client';
import { type VimTarget, emulatorTarget, realOpenStackMissing, realOpenStackTarget } from '../support/openstack/vim-targets';

/**
 * The OpenStack adapter's contract (VimPort), run against the emulator and, where OS_AUTH_URL names one,
 * a real OpenStack, as a project MEMBER. What the real cloud answers is the reference: a test that passes
 * on the emulator and fails on the real cloud means the emulator is wrong.
 */
const TARGETS: [string, string | undefined, () => Promise<VimTarget>][] = [
  ['emulator', undefined, emulatorTarget],
  ['real OpenStack', realOpenStackMissing(), realOpenStackTarget],
];

const newOwner = (): ResourceOwner => ({ nsInstanceId: randomUUID(), nsLcmOpOccId: randomUUID() });
const name = (o: ResourceOwner, rest: string) => `nfvo-${o.nsInstanceId.slice(0, 8)}-${rest}`;
const tagged = (o: ResourceOwner) => `nfvo-ns:${o.nsInstanceId}`;

/** Everything of these NS instances still on the cloud, listed through the API as the project member. */
const leftovers = (c: CloudClient, owners: ResourceOwner[]) => leftoversNamed(c, owners.map((o) => name(o, '')), owners.map(tagged));
const sweep = (t: VimTarget, owners: ResourceOwner[]) => sweepNamed(t.member, owners.map((o) => name(o, '')), owners.map(tagged));

for (const [label, why, make] of TARGETS) {
  describeIf(why, `OpenStack VimPort contract: ${label}`, () => {
    let t: VimTarget;
    const owners: ResourceOwner[] = [];
    const owner = () => { const o = newOwner(); owners.push(o); return o; };
    beforeAll(async () => { t = await make(); }, 60_000);
    afterAll(async () => {
      if (!t) return;
      await sweep(t, owners);
      await t.close();
    }, 120_000);

    it('answers like a default Zed: its extensions, no tags in a create, no flavor creation and no binding details for a member', async () => {
      const aliases = (await t.member.list<{ alias: string }>('network', '/extensions', 'extensions')).map((e) => e.alias).sort();
      // The emulator's list is what a real default Zed advertises; on the real cloud this checks the emulator.
      expect(aliases).toEqual([...zedMl2Extensions].sort());
      const o = owner();
      const refused = await t.member.call('network', 'POST', '/networks', { network: { name: name(o, 'tagged'), tags: ['x'] } });
      expect(refused).toEqual({ status: 400, json: { NeutronError: expect.objectContaining({ type: 'HTTPBadRequest', message: "Attribute 'tags' not allowed in POST" }) } });
      const flavor = await t.member.call('compute', 'POST', '/flavors', { flavor: { name: name(o, 'f'), vcpus: 1, ram: 64, disk: 1 } });
      expect(flavor).toEqual({ status: 403, json: { forbidden: { code: 403, message: "Policy doesn't allow os_compute_api:os-flavor-manage:create to be performed." } } });
      const net = await t.member.call('network', 'POST', '/networks', { network: { name: name(o, 'plain') } });
      await t.member.call('network', 'POST', '/subnets', { subnet: { network_id: net.json.network.id, cidr: '10.77.0.0/24', ip_version: 4 } });
      const port = (await t.member.call('network', 'POST', '/ports', { port: { network_id: net.json.network.id, name: name(o, 'p') } })).json.port;
      expect(Object.keys(port).filter((k) => k.startsWith('binding:'))).toEqual(['binding:vnic_type']);
      expect(Object.keys(net.json.network).filter((k) => k.startsWith('provider:'))).toEqual([]);
      // Compute 2.1 attaches a server without networks to the project's only network; with several it refuses.
      const other = await t.member.call('network', 'POST', '/networks', { network: { name: name(o, 'plain-2') } });
      await t.member.call('network', 'POST', '/subnets', { subnet: { network_id: other.json.network.id, cidr: '10.78.0.0/24', ip_version: 4 } });
      const image = (await t.member.list<{ id: string }>('image', `/images?name=${encodeURIComponent(t.image.name)}`, 'images'))[0].id;
      const boot = (networks: unknown, headers = {}) => t.member.call('compute', 'POST', '/servers', { server: { name: name(o, 'nonet'), flavorRef: '1', imageRef: image, ...(networks === undefined ? {} : { networks }) } }, headers);
      expect(await boot(undefined)).toEqual({ status: 409, json: { conflictingRequest: { code: 409, message: 'Multiple possible networks found, use a Network ID to be more specific.' } } });
      expect((await boot('none')).status).toBe(400);
    });

    it('ensures networks, security groups and ports once, tagged with their owner', async () => {
      const o = owner();
      const vim = t.adapter();
      const spec = { name: name(o, 'data'), cidr: '10.10.0.0/24', portSecurity: false };
      const first = await vim.ensureNetwork(o, spec);
      expect(await vim.ensureNetwork(o, spec)).toEqual(first);
      const sg = { name: name(o, 'web'), rules: [{ direction: 'ingress' as const, protocol: 'tcp' as const, portMin: 80, portMax: 80, remoteIpPrefix: '0.0.0.0/0' }] };
      const sgId = await vim.ensureSecurityGroup(o, sg);
      expect(await vim.ensureSecurityGroup(o, sg)).toBe(sgId);
      const port = { name: name(o, 'fw-vdu1-0-in'), networkId: first.networkId, fixedIp: '10.10.0.10', macAddress: 'fa:16:3e:00:00:0a', portSecurity: false };
      const p = await vim.ensurePort(o, port);
      expect(p).toEqual({ portId: expect.any(String), ip: '10.10.0.10', mac: 'fa:16:3e:00:00:0a' });
      expect(await vim.ensurePort(o, port)).toEqual(p);

      const left = await leftovers(t.member, [o]);
      const ownerTags = [tagged(o), `nfvo-op:${o.nsLcmOpOccId}`].sort();
      expect(left.networks.map((n) => [n.id, [...(n.tags ?? [])].sort(), (n as { port_security_enabled?: boolean }).port_security_enabled])).toEqual([[first.networkId, ownerTags, false]]);
      expect(left.subnets.map((s) => [s.id, (s as { cidr?: string }).cidr, [...(s.tags ?? [])].sort()])).toEqual([[first.subnetId, '10.10.0.0/24', ownerTags]]);
      expect(left.ports.map((x) => [x.id, [...(x.tags ?? [])].sort(), (x as { security_groups?: string[] }).security_groups])).toEqual([[p.portId, ownerTags, []]]);
      const group = left.securityGroups.find((g) => g.id === sgId) as { security_group_rules: Record<string, unknown>[] } | undefined;
      expect(group?.security_group_rules.filter((r) => r.direction === 'ingress')).toEqual([expect.objectContaining({ protocol: 'tcp', port_range_min: 80, port_range_max: 80, remote_ip_prefix: '0.0.0.0/0' })]);
      // Another NS instance with the same names gets its own.
      const other = owner();
      expect((await vim.ensureNetwork(other, spec)).networkId).not.toBe(first.networkId);
    });

    it('adopts what an attempt created and died before tagging, and what it created before its answer was lost', async () => {
      const o = owner();
      const vim = t.adapter();
      const untagged = (await t.member.call('network', 'POST', '/networks', { network: { name: name(o, 'half') } })).json.network;
      const net = await vim.ensureNetwork(o, { name: name(o, 'half'), cidr: '10.11.0.0/24', portSecurity: true });
      expect(net.networkId).toBe(untagged.id);
      expect((await t.member.call('network', 'GET', `/networks/${untagged.id}/tags`)).json.tags.sort()).toEqual([tagged(o), `nfvo-op:${o.nsLcmOpOccId}`].sort());
      // A server whose create went through but whose answer never came back: found by name and owner, not built twice.
      const image = await vim.ensureImage({ name: t.image.name, checksum: t.image.checksum });
      const flavorId = await vim.ensureFlavor({ vcpus: 1, memoryMiB: 512, diskGiB: 1 });
      const made = (await t.member.call('compute', 'POST', '/servers', { server: { name: name(o, 'lost-0'), flavorRef: flavorId, imageRef: image, networks: 'none', metadata: { nfvo_ns_instance_id: o.nsInstanceId, nfvo_ns_lcm_op_occ_id: o.nsLcmOpOccId } } }, { 'OpenStack-API-Version': 'compute 2.37' })).json.server;
      const [server] = await vim.ensureServers(o, [{ name: name(o, 'lost-0'), flavorId, imageId: image, portIds: [] }]);
      expect(server.id).toBe(made.id);
      // Removal also takes a same-named leftover nobody tagged.
      await t.member.call('network', 'POST', '/security-groups', { security_group: { name: name(o, 'sg-half') } });
      await vim.removeSecurityGroup(o, name(o, 'sg-half'));
      await vim.removeServer(o, name(o, 'lost-0'));
      await vim.removeNetwork(o, name(o, 'half'));
      const left = await leftovers(t.member, [o]);
      expect([left.servers, left.networks, left.securityGroups].map((l) => l.length)).toEqual([0, 0, 0]);
    });

    it('selects the smallest flavor that fits; a member cannot create one, an admin of a create-if-missing VIM can', async () => {
      const vim = t.adapter();
      const flavors = await t.member.list<{ id: string; name: string }>('compute', '/flavors/detail', 'flavors');
      const byName = (n: string) => flavors.find((f) => f.name === n)?.id;
      expect(await vim.ensureFlavor({ vcpus: 1, memoryMiB: 1024, diskGiB: 5 })).toBe(byName('m1.small'));
      expect(await vim.ensureFlavor({ vcpus: 3, memoryMiB: 3072, diskGiB: 7 })).toBe(byName('m1.large'));
      const huge = { vcpus: 8, memoryMiB: 16384, diskGiB: 10 };
      await expect(vim.ensureFlavor(huge)).rejects.toMatchObject({ kind: 'NOT_FOUND', retryable: false, vimMessage: expect.stringContaining('m1.large (4 vCPU, 8192 MiB, 80 GiB) lacks 4 vCPU and 8192 MiB RAM') });
      await expect(t.adapter({ flavorPolicy: 'create-if-missing' }).ensureFlavor(huge)).rejects.toMatchObject({
        kind: 'FORBIDDEN', retryable: false, vimMessage: expect.stringContaining("Policy doesn't allow os_compute_api:os-flavor-manage:create"),
      });
      const odd = { vcpus: 8, memoryMiB: 16384 + (randomUUID().charCodeAt(0) % 7) + 1, diskGiB: 10 };
      const admin = t.adminAdapter('create-if-missing');
      const made = await admin.ensureFlavor(odd);
      try {
        expect(await admin.ensureFlavor(odd)).toBe(made);
        const all = await t.admin.list<{ id: string; name: string }>('compute', '/flavors/detail', 'flavors');
        expect(all.filter((f) => f.name === `nfvo.c8-m${odd.memoryMiB}-d10`).map((f) => f.id)).toEqual([made]);
      } finally {
        await t.admin.call('compute', 'DELETE', `/flavors/${made}`);
      }
    });

    it('finds an image by name and checksum, and refuses one whose checksum differs without a URL to register it from', async () => {
      const vim = t.adapter();
      const images = await t.member.list<{ id: string; name: string }>('image', `/images?name=${encodeURIComponent(t.image.name)}`, 'images');
      expect(await vim.ensureImage({ name: t.image.name, checksum: t.image.checksum })).toBe(images[0].id);
      await expect(vim.ensureImage({ name: t.image.name, checksum: 'f'.repeat(32) })).rejects.toMatchObject({ kind: 'NOT_FOUND', retryable: false, vimMessage: expect.stringContaining('no URL') });
    });

    it('builds servers once with their ports, group and metadata, counts them in capacity, and removes everything', async () => {
      const o = owner();
      const vim = t.adapter();
      const { networkId } = await vim.ensureNetwork(o, { name: name(o, 'mgmt'), cidr: '192.168.5.0/24', portSecurity: true });
      const { portId, ip } = await vim.ensurePort(o, { name: name(o, 'web-0-mgmt'), networkId, portSecurity: true });
      const group = await vim.ensureServerGroup(o, name(o, 'web-anti'), 'anti-affinity');
      expect(await vim.ensureServerGroup(o, name(o, 'web-anti'), 'anti-affinity')).toBe(group);
      const flavorId = await vim.ensureFlavor({ vcpus: 1, memoryMiB: 512, diskGiB: 1 });
      const imageId = await vim.ensureImage({ name: t.image.name, checksum: t.image.checksum });
      const before = await vim.capacity();
      const spec = { name: name(o, 'web-vdu-0'), flavorId, imageId, portIds: [portId], userData: '#cloud-config\n', serverGroupId: group, metadata: { BACKEND_URL: 'http://10.0.0.5:9000', nfvo_ns_instance_id: 'forged' } };
      const server = await vim.ensureServer(o, spec);
      expect(server).toEqual({ id: expect.any(String), name: spec.name, status: 'ACTIVE', addresses: [{ networkName: name(o, 'mgmt'), ip, mac: expect.stringMatching(/^fa:16:3e/) }] });
      expect((await vim.ensureServer(o, spec)).id).toBe(server.id);
      const seen = (await t.member.call('compute', 'GET', `/servers/${server.id}`)).json.server;
      // Configuration reaches the guest as metadata; the owner keys cannot be overridden by it.
      expect(seen.metadata).toEqual({ BACKEND_URL: 'http://10.0.0.5:9000', nfvo_ns_instance_id: o.nsInstanceId, nfvo_ns_lcm_op_occ_id: o.nsLcmOpOccId });
      expect((await t.member.call('compute', 'GET', `/os-server-groups/${group}`)).json.server_group.members).toEqual([server.id]);
      const after = await vim.capacity();
      expect([after.instances.used - before.instances.used, after.vcpus.used - before.vcpus.used, after.memoryMiB.used - before.memoryMiB.used]).toEqual([1, 1, 512]);

      // Many servers: one create each, and a re-run creates nothing.
      const many = Array.from({ length: 3 }, (_, i) => ({ name: name(o, `many-${i}`), flavorId, imageId, portIds: [] }));
      const built = await vim.ensureServers(o, many);
      expect(built.map((b) => `${b.name}:${b.status}`)).toEqual(many.map((s) => `${s.name}:ACTIVE`));
      expect((await vim.ensureServers(o, many)).map((b) => b.id)).toEqual(built.map((b) => b.id));
      expect((await leftovers(t.member, [o])).servers).toHaveLength(4);

      for (const s of [spec, ...many]) await vim.removeServer(o, s.name);
      await vim.removeServer(o, spec.name);
      await vim.removePort(o, name(o, 'web-0-mgmt'));
      await vim.removeServerGroup(o, name(o, 'web-anti'));
      await vim.removeNetwork(o, name(o, 'mgmt'));
      await vim.removeNetwork(o, name(o, 'mgmt'));
      const left = await leftovers(t.member, [o]);
      expect(Object.values(left).map((l) => l.length)).toEqual([0, 0, 0, 0, 0, 0]);
    }, 180_000);

    it('a quota refusal is final and carries Nova\'s message; a server the scheduler cannot place is NO_VALID_HOST', async () => {
      const o = owner();
      const vim = t.adapter();
      const flavorId = await vim.ensureFlavor({ vcpus: 1, memoryMiB: 512, diskGiB: 1 });
      const imageId = await vim.ensureImage({ name: t.image.name, checksum: t.image.checksum });
      const used = (await vim.capacity()).instances.used;
      const restore = await t.limitInstances(used + 1);
      try {
        await vim.ensureServers(o, [{ name: name(o, 'q-0'), flavorId, imageId, portIds: [] }]);
        await expect(vim.ensureServers(o, [{ name: name(o, 'q-1'), flavorId, imageId, portIds: [] }])).rejects.toMatchObject({
          kind: 'QUOTA_EXCEEDED', retryable: false, status: 403, vimMessage: `Quota exceeded for instances: Requested 1, but already used ${used + 1} of ${used + 1} instances`,
        });
      } finally {
        await restore();
      }
      await vim.removeServer(o, name(o, 'q-0'));
      // Anti-affinity across more servers than the cloud has compute hosts.
      const group = await vim.ensureServerGroup(o, name(o, 'spread'), 'anti-affinity');
      const specs = Array.from({ length: t.computeHosts + 1 }, (_, i) => ({ name: name(o, `aa-${i}`), flavorId, imageId, portIds: [], serverGroupId: group }));
      // Nova's scheduler says NoValidHost; or, when concurrent boots passed the scheduler together, the
      // compute host's late group check reschedules them until the hosts are exhausted. Both are no room.
      await expect(vim.ensureServers(o, specs)).rejects.toMatchObject({ kind: 'NO_VALID_HOST', retryable: true, vimMessage: expect.stringMatching(/No valid host was found|Exhausted all hosts available/) });
      for (const s of specs) await vim.removeServer(o, s.name);
      await vim.removeServerGroup(o, name(o, 'spread'));
    }, 180_000);

    it('a password changed mid-operation is a clear UNAUTHORIZED, without a storm of logins', async () => {
      const vim = t.adapter();
      await vim.capacity();
      const logins = vim.session.logins;
      const restore = await t.changePassword(`rotated-${randomUUID().slice(0, 8)}`);
      try {
        // Keystone revokes the user's tokens; each API worker notices when its token cache does (a real
        // cloud runs several), so calls may still pass for a while. The first refusal makes the adapter log in
        // again, which Keystone refuses: that is final.
        let refusal: unknown;
        for (let i = 0; i < 100 && !refusal; i++) {
          refusal = await vim.capacity().then(() => undefined, (e: unknown) => e);
          if (!refusal) await new Promise((r) => setTimeout(r, 100));
        }
        expect(refusal).toMatchObject({ kind: 'UNAUTHORIZED', retryable: false, operation: 'keystone.tokens.create' });
        // Every call of the running operation now fails at once, without asking Keystone again.
        const results = await Promise.allSettled(Array.from({ length: 20 }, () => vim.capacity()));
        expect(results.map((r) => r.status === 'rejected' && (r.reason as { kind?: string }).kind)).toEqual(Array(20).fill('UNAUTHORIZED'));
        expect(vim.session.logins - logins).toBe(1);
      } finally {
        await restore();
      }
    });
  });
}
