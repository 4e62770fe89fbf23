import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrapCredentials, clientToken, startServiceProcess } from './support/service-process';

/**
 * The README's run command, checked end to end on the embedded default: start the built service with no
 * DATABASE_URL, read the one-time bootstrap credentials, get a token, create and list an NSD, stop with
 * SIGTERM (exit 0), start again on the same data directory and find the NSD still there.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nfvo-smoke-'));
  const env = { NFVO_DATA_DIR: dataDir, DATABASE_URL: undefined };
  try {
    const first = await startServiceProcess(env, 120000);
    const creds = bootstrapCredentials(first.stdout());
    if (!creds) throw new Error(`no bootstrap credentials in the banner:\n${first.stdout()}`);
    const auth = { Authorization: `Bearer ${await clientToken(first.url, creds.clientId, creds.secret)}`, Version: '2.12.0' };
    const created = await fetch(`${first.url}/nsd/v2/ns_descriptors`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"userDefinedData":{"smoke":"yes"}}' });
    if (created.status !== 201) throw new Error(`create answered ${created.status}: ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };
    const firstSites = await emulatedSites(first.url, auth);
    if (!first.stdout().includes('Emulated sites')) throw new Error(`the banner does not list the emulated sites:\n${first.stdout()}`);
    const code = await first.stop('SIGTERM');
    if (code !== 0) throw new Error(`SIGTERM exit code ${code}: ${first.stderr()}`);

    const second = await startServiceProcess(env, 120000);
    try {
      if (bootstrapCredentials(second.stdout())) throw new Error('a second bootstrap secret was printed on restart');
      const token = await clientToken(second.url, creds.clientId, creds.secret);
      const list = await fetch(`${second.url}/nsd/v2/ns_descriptors?filter=(eq,userDefinedData/smoke,yes)`, { headers: { Authorization: `Bearer ${token}`, Version: '2.12.0' } });
      const items = (await list.json()) as Array<{ id: string }>;
      if (list.status !== 200 || items.length !== 1 || items[0].id !== id) throw new Error(`after restart the list answered ${list.status}: ${JSON.stringify(items)}`);
      const again = await emulatedSites(second.url, { Authorization: `Bearer ${token}` });
      if (again.sites !== firstSites.sites) throw new Error(`the restart registered the emulated sites again: ${again.sites} instead of ${firstSites.sites}`);
    } finally {
      await second.stop('SIGTERM');
    }
    process.stdout.write(`smoke (embedded PGlite): 1 passed, 0 failed\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The embedded default registers two emulated sites, each with a VIM whose emulator answers, and a WAN link. */
async function emulatedSites(url: string, auth: Record<string, string>): Promise<{ sites: string }> {
  const get = async (path: string) => (await (await fetch(`${url}/nfvo/v1/${path}`, { headers: auth })).json()) as Array<Record<string, unknown>>;
  const sites = (await get('sites')).map((s) => String(s.name)).sort().join(',');
  const vims = await get('vims');
  const links = await get('wan_links');
  if (sites !== 'site-a,site-b' || vims.length !== 4 || links.length !== 1) throw new Error(`emulated sites: ${sites}, ${vims.length} VIMs, ${links.length} WAN links`);
  for (const v of vims.filter((x) => x.vimType === 'openstack')) {
    const res = await fetch(`${String(v.endpoint)}/auth/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    if (res.status !== 400) throw new Error(`the emulated VIM ${String(v.name)} at ${String(v.endpoint)} answered ${res.status}`);
  }
  return { sites };
}

main().catch((err) => {
  process.stderr.write(`smoke (embedded PGlite) failed: ${err instanceof Error ? err.message : String(err)}\nsmoke: 0 passed, 1 failed\n`);
  process.exit(1);
});
