import { OpenStackEmulator } from '../emulated/openstack/openstack-emulator';
import { OpenStackVim } from './openstack-vim';
import { emulatedVim, fast } from './openstack-vim.fixture';

describe('Keystone v3 session', () => {
  const emus: OpenStackEmulator[] = [];
  const start = async (...a: Parameters<typeof emulatedVim>) => {
    const r = await emulatedVim(...a);
    emus.push(r.emu);
    return r;
  };
  afterEach(async () => { await Promise.all(emus.splice(0).map((e) => e.close())); });

  it('logs in once for fifty concurrent calls', async () => {
    const { emu, vim } = await start();
    await Promise.all(Array.from({ length: 50 }, () => vim.capacity()));
    expect(emu.tokenRequests).toBe(1);
    expect(vim.session.logins).toBe(1);
  });

  it('renews the token before it expires, not after a call has failed', async () => {
    const { emu, vim } = await start({ tokenTtlMs: 1_000 });
    await vim.capacity();
    await new Promise((r) => setTimeout(r, 920)); // inside the last tenth of the token's life
    await vim.capacity();
    expect(emu.tokenRequests).toBe(2);
    expect(emu.faults.calls('nova.limits.get')).toBe(2); // no call was refused and resent
  });

  it('a token revoked mid-operation is replaced and the call goes through', async () => {
    const { emu, vim } = await start();
    await vim.capacity();
    emu.revokeTokens();
    await expect(vim.capacity()).resolves.toMatchObject({ instances: { used: 0 } });
    expect(emu.tokenRequests).toBe(2);
  });

  it('application credentials log in without a project scope; a wrong secret is refused', async () => {
    const emu = await OpenStackEmulator.start({ applicationCredential: { id: 'ac-1', secret: 's3cret' } });
    emus.push(emu);
    const withSecret = (secret: string) => new OpenStackVim({ endpoint: emu.url }, { authType: 'application_credential', applicationCredentialId: 'ac-1', applicationCredentialSecret: secret }, fast);
    await expect(withSecret('s3cret').capacity()).resolves.toBeDefined();
    await expect(withSecret('guess').capacity()).rejects.toMatchObject({ kind: 'UNAUTHORIZED' });
  });

  it('wrong credentials are final, with Keystone\'s own message', async () => {
    const { vim } = await start({}, {}, { authType: 'password', username: 'admin', password: 'wrong' });
    await expect(vim.capacity()).rejects.toMatchObject({ kind: 'UNAUTHORIZED', retryable: false, status: 401, vimMessage: 'The request you have made requires authentication.' });
  });

  it('a region the catalog does not list is named in the error', async () => {
    const { emu } = await start();
    const vim = new OpenStackVim({ endpoint: emu.url, project: 'admin', region: 'RegionTwo' }, { authType: 'password', username: 'admin', password: 'secret' }, fast);
    await expect(vim.capacity()).rejects.toMatchObject({ kind: 'BAD_REQUEST', vimMessage: "the service catalog has no public compute endpoint in region RegionTwo; check the VIM's region" });
  });
});
