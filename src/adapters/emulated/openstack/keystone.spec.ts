import { login } from './emulator-test-client';
import { OpenStackEmulator } from './openstack-emulator';

describe('emulated Keystone v3', () => {
  let emu: OpenStackEmulator;
  beforeEach(async () => { emu = await OpenStackEmulator.start({ region: 'SiteA' }); });
  afterEach(() => emu.close());

  it('issues a token with a catalog of every service', async () => {
    const { res, token, body } = await login(emu);
    expect(res.status).toBe(201);
    expect(token).toMatch(/^gAAAAA/);
    expect(body.token.methods).toEqual(['password']);
    expect(body.token.project.name).toBe('admin');
    expect(Date.parse(body.token.expires_at)).toBeGreaterThan(Date.now() + 3_000_000);
    expect(body.token.catalog.map((e: { type: string }) => e.type).sort()).toEqual(['compute', 'identity', 'image', 'network']);
    const nova = body.token.catalog.find((e: { type: string }) => e.type === 'compute');
    expect(nova.endpoints).toEqual(expect.arrayContaining([expect.objectContaining({ interface: 'internal', region: 'SiteA', url: expect.stringMatching(/\/compute\/v2\.1$/) })]));
  });

  it('answers 401 to wrong credentials and to calls without a valid token', async () => {
    const bad = await login(emu, 'wrong');
    expect(bad.res.status).toBe(401);
    expect(bad.body).toEqual({ error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' } });
    const { body } = await login(emu);
    const nova = body.token.catalog.find((e: { type: string }) => e.type === 'compute').endpoints[0].url;
    expect((await fetch(`${nova}/flavors/detail`)).status).toBe(401);
    expect((await fetch(`${nova}/flavors/detail`, { headers: { 'X-Auth-Token': 'forged' } })).status).toBe(401);
  });

  it('accepts an application credential and expires tokens', async () => {
    const short = await OpenStackEmulator.start({ tokenTtlMs: 30, applicationCredential: { id: 'ac1', secret: 's' } });
    try {
      const res = await fetch(`${short.url}/auth/tokens`, { method: 'POST', body: JSON.stringify({ auth: { identity: { methods: ['application_credential'], application_credential: { id: 'ac1', secret: 's' } } } }) });
      expect(res.status).toBe(201);
      const token = res.headers.get('x-subject-token')!;
      const flavors = short.url.replace('/identity/v3', '/compute/v2.1/flavors/detail');
      expect((await fetch(flavors, { headers: { 'X-Auth-Token': token } })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 50));
      expect((await fetch(flavors, { headers: { 'X-Auth-Token': token } })).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});
