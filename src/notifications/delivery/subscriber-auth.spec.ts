import { HttpCallbackClient } from '../../adapters/http/callback-client';
import { OAuth2TokenSource } from './oauth2-token-source';
import { SubscriberAuth } from './subscriber-auth';
import { SubscriberServer } from './subscriber-server.fixture';

describe('SubscriberAuth', () => {
  const http = new HttpCallbackClient();
  const request = { timeoutMs: 1000, maxResponseBytes: 4096, allowSensitive: true };
  let idp: SubscriberServer;
  let api: SubscriberServer;
  let issued = 0;
  let accepted = new Set<string>();
  const post = (auth: Parameters<SubscriberAuth['call']>[0], sa: SubscriberAuth) =>
    sa.call(auth, (headers) => http.post(`${api.url}/cb`, '{}', { ...request, headers }));

  beforeAll(async () => {
    idp = await SubscriberServer.start((req, res) => {
      const token = `tok-${++issued}`;
      accepted.add(token);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }));
    });
    api = await SubscriberServer.start((req, res) => res.writeHead(accepted.has(String(req.headers.authorization).replace('Bearer ', '')) ? 204 : 401).end());
  });
  afterAll(async () => {
    await idp.close();
    await api.close();
  });
  beforeEach(() => {
    idp.received.length = 0;
    api.received.length = 0;
  });

  const oauth = () => ({ authType: ['OAUTH2_CLIENT_CREDENTIALS' as const], paramsOauth2ClientCredentials: { clientId: 'nfvo client', clientPassword: 's3cr:t', tokenEndpoint: `${idp.url}/token` } });

  it('sends HTTP Basic credentials for BASIC', async () => {
    const sa = new SubscriberAuth(new OAuth2TokenSource(http, request));
    await post({ authType: ['BASIC'], paramsBasic: { userName: 'oss', password: 'pa:ss' } }, sa);
    expect(api.received[0].headers.authorization).toBe(`Basic ${Buffer.from('oss:pa:ss').toString('base64')}`);
    await post(undefined, sa);
    expect(api.received[1].headers.authorization).toBeUndefined();
  });

  it('fetches a client-credentials token once and reuses it across deliveries', async () => {
    const sa = new SubscriberAuth(new OAuth2TokenSource(http, request));
    const results = await Promise.all([post(oauth(), sa), post(oauth(), sa), post(oauth(), sa)]);
    expect(results.map((r) => r.status)).toEqual([204, 204, 204]);
    expect(idp.received).toHaveLength(1);
    const t = idp.received[0];
    expect(t).toMatchObject({ method: 'POST', path: '/token', text: 'grant_type=client_credentials' });
    expect(t.headers['content-type']).toBe('application/x-www-form-urlencoded');
    // RFC 6749 cl. 2.3.1: id and secret form-encoded before Basic.
    expect(Buffer.from(String(t.headers.authorization).slice(6), 'base64').toString()).toBe('nfvo+client:s3cr%3At');
    expect(new Set(api.received.map((r) => r.headers.authorization)).size).toBe(1);
  });

  it('refreshes the token once on a 401 and repeats the request, but never loops', async () => {
    const sa = new SubscriberAuth(new OAuth2TokenSource(http, request));
    await post(oauth(), sa);
    accepted = new Set(); // the subscriber revokes every token it knows
    const before = idp.received.length;
    await expect(post(oauth(), sa)).resolves.toMatchObject({ status: 204 });
    expect(idp.received.length - before).toBe(1);
    expect(api.received.slice(-2).map((r) => r.headers.authorization)).toEqual([`Bearer tok-${issued - 1}`, `Bearer tok-${issued}`]);

    api.handler = (_r, res) => res.writeHead(401).end();
    const requests = api.received.length;
    await expect(post(oauth(), sa)).resolves.toMatchObject({ status: 401 });
    expect(api.received.length - requests).toBe(2);
    api.handler = (req, res) => res.writeHead(accepted.has(String(req.headers.authorization).replace('Bearer ', '')) ? 204 : 401).end();
  });

  it('fetches a new token shortly before the cached one expires', async () => {
    let now = 1_000_000;
    const sa = new SubscriberAuth(new OAuth2TokenSource(http, request, () => now));
    await post(oauth(), sa);
    now += 3600_000 - 31_000; // expires_in 3600 s, renewed 30 s early
    await post(oauth(), sa);
    expect(idp.received).toHaveLength(1);
    now += 2_000;
    await post(oauth(), sa);
    expect(idp.received).toHaveLength(2);
  });

  it('reports a token endpoint that refuses the client', async () => {
    const bad = await SubscriberServer.start((_r, res) => res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":"invalid_client"}'));
    const sa = new SubscriberAuth(new OAuth2TokenSource(http, request));
    const auth = { authType: ['OAUTH2_CLIENT_CREDENTIALS' as const], paramsOauth2ClientCredentials: { clientId: 'x', clientPassword: 'y', tokenEndpoint: `${bad.url}/token` } };
    await expect(post(auth, sa)).rejects.toThrow(`token endpoint ${bad.url}/token: answered 401 (invalid_client)`);
    await bad.close();
    expect(api.received).toHaveLength(0);
  });

  it('refuses TLS_CERT with a clear reason', async () => {
    const sa = new SubscriberAuth(new OAuth2TokenSource(http, request));
    await expect(post({ authType: ['TLS_CERT'] }, sa)).rejects.toThrow(/TLS_CERT authentication of notifications is not supported/);
    await expect(post({ authType: ['TLS_CERT', 'BASIC'], paramsBasic: { userName: 'a', password: 'b' } }, sa)).resolves.toMatchObject({ status: 401 });
  });
});
