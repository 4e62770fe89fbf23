import { performance } from 'node:perf_hooks';
import type { CloudClient } from '../support/cloud-client';

/**
 * What a sequential orchestrator takes for the resources of an n-VNF VM service on one LAN: a network and its
 * subnet, then for each VNF its port and its server, each waited for (ACTIVE polled every 100 ms) before the
 * next, with a bare REST client and nothing else. Everything is deleted afterwards, not timed.
 */
export async function sequentialBaseline(c: CloudClient, n: number, imageName: string, prefix: string): Promise<{ wallMs: number; resources: number }> {
  const ok = (r: { status: number; json: Record<string, any> }, what: string) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  };
  const image = (await c.list<{ id: string }>('image', `/images?name=${encodeURIComponent(imageName)}`, 'images'))[0].id;
  const flavor = (await c.list<{ id: string; vcpus: number; ram: number }>('compute', '/flavors/detail', 'flavors')).sort((a, b) => a.vcpus - b.vcpus || a.ram - b.ram)[0].id;
  const servers: string[] = [];
  let network = '';
  const t0 = performance.now();
  try {
    network = ok(await c.call('network', 'POST', '/networks', { network: { name: prefix } }), 'network').network.id;
    ok(await c.call('network', 'POST', '/subnets', { subnet: { network_id: network, cidr: '10.99.0.0/24', ip_version: 4, name: prefix } }), 'subnet');
    for (let i = 0; i < n; i++) {
      const port = ok(await c.call('network', 'POST', '/ports', { port: { network_id: network, name: `${prefix}-${i}` } }), 'port').port.id;
      const server = ok(await c.call('compute', 'POST', '/servers', { server: { name: `${prefix}-${i}`, flavorRef: flavor, imageRef: image, networks: [{ port }] } }), 'server').server.id;
      servers.push(server);
      for (;;) {
        const s = ok(await c.call('compute', 'GET', `/servers/${server}`), 'server status').server;
        if (s.status === 'ACTIVE') break;
        if (s.status === 'ERROR') throw new Error(`server ${s.name} went to ERROR: ${JSON.stringify(s.fault)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return { wallMs: performance.now() - t0, resources: 2 + 2 * n };
  } finally {
    for (const id of servers) await c.call('compute', 'DELETE', `/servers/${id}`);
    for (let i = 0; i < 300 && servers.length && (await c.list('compute', `/servers?name=${prefix}`, 'servers')).length; i++) await new Promise((r) => setTimeout(r, 200));
    if (network) {
      for (const p of await c.list<{ id: string }>('network', `/ports?network_id=${network}`, 'ports')) await c.call('network', 'DELETE', `/ports/${p.id}`);
      await c.call('network', 'DELETE', `/networks/${network}`);
    }
  }
}
