import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { hkdfSync } from 'node:crypto';
import { ADMIN, READER, startTestApp, type TestApp } from '../support/test-app';
import { ClientRegistry } from '../../src/auth/client-registry';
import { OAuthClientEntity } from '../../src/persistence/entities';

const V2 = { Version: '2.12.0' };

describe('OAuth 2.0 client credentials and bearer tokens (SOL013 cl. 8)', () => {
  let a: TestApp;
  let jwks: Server;
  let idp: Awaited<ReturnType<typeof generateKeyPair>>;

  beforeAll(async () => {
    // A stand-in external identity provider: a real HTTP server publishing a JWKS.
    idp = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(idp.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => res.setHeader('Content-Type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const port = (jwks.address() as AddressInfo).port;
    a = await startTestApp({ NFVO_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, NFVO_JWKS_ISSUER: 'https://idp.example', NFVO_JWKS_AUDIENCE: 'nfvo-api' });
  });
  afterAll(async () => {
    await a?.close();
    jwks?.close();
  });

  const tokenReq = () => a.http.post('/oauth2/token').type('form');

  describe('POST /oauth2/token', () => {
    it('issues a JWT to a client authenticating with HTTP Basic', async () => {
      const r = await tokenReq().auth(ADMIN.id, ADMIN.secret).send({ grant_type: 'client_credentials' });
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('no-store');
      expect(r.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
      expect(r.body.scope.split(' ')).toEqual(expect.arrayContaining(['nsd', 'nslcm', 'vnfpkgm']));
      expect(r.body.access_token.split('.')).toHaveLength(3);
    });
    it('accepts client_id and client_secret in the form, and narrows scopes on request', async () => {
      const r = await tokenReq().send({ grant_type: 'client_credentials', client_id: ADMIN.id, client_secret: ADMIN.secret, scope: 'nsd:read' });
      expect(r.status).toBe(200);
      expect(r.body.scope).toBe('nsd:read');
    });
    it('refuses a wrong secret or unknown client with 401 invalid_client, without saying which', async () => {
      for (const [id, secret] of [[ADMIN.id, 'wrong-secret-0123456'], ['nobody', ADMIN.secret]]) {
        const r = await tokenReq().auth(id, secret).send({ grant_type: 'client_credentials' });
        expect(r.status).toBe(401);
        expect(r.headers['www-authenticate']).toMatch(/^Basic/);
        expect(r.body).toMatchObject({ status: 401, error: 'invalid_client' });
        expect(r.body.detail).toBe('Client authentication failed: unknown client id or wrong secret.');
      }
    });
    it('refuses Basic credentials that are not valid form-urlencoding with 401, not 500', async () => {
      const basic = Buffer.from(`${ADMIN.id}:%E0%A4%A`).toString('base64');
      const r = await tokenReq().set('Authorization', `Basic ${basic}`).send({ grant_type: 'client_credentials' });
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ error: 'invalid_client' });
      expect(r.body.detail).toMatch(/not valid form-urlencoded/);
    });
    it('refuses other grant types, missing credentials and scopes the client lacks', async () => {
      const bad = await tokenReq().auth(ADMIN.id, ADMIN.secret).send({ grant_type: 'password' });
      expect([bad.status, bad.body.error]).toEqual([400, 'unsupported_grant_type']);
      const none = await tokenReq().send({ grant_type: 'client_credentials' });
      expect([none.status, none.body.error]).toEqual([401, 'invalid_client']);
      const scope = await tokenReq().auth(READER.id, READER.secret).send({ grant_type: 'client_credentials', scope: 'nsd' });
      expect([scope.status, scope.body.error]).toEqual([400, 'invalid_scope']);
    });
    it('takes only form bodies (415 for JSON)', async () => {
      const r = await a.http.post('/oauth2/token').auth(ADMIN.id, ADMIN.secret).send({ grant_type: 'client_credentials' });
      expect(r.status).toBe(415);
    });
  });

  describe('bearer guard', () => {
    it('answers 401 with WWW-Authenticate when the token is missing, malformed or tampered', async () => {
      const good = await a.token();
      const [h, p, s] = good.split('.');
      const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), scope: 'nsd nslcm' })).toString('base64url')}.${s}`;
      for (const authz of [undefined, 'Basic abc', 'Bearer not-a-jwt', `Bearer ${tampered}`]) {
        const req = a.http.get('/nsd/v2/ns_descriptors').set(V2);
        if (authz) req.set('Authorization', authz);
        const r = await req;
        expect(r.status).toBe(401);
        // RFC 6750 cl. 3.1: no error code when the request carried no credentials at all.
        if (authz) expect(r.headers['www-authenticate']).toMatch(/^Bearer realm="nfvo", error="invalid_token"/);
        else expect(r.headers['www-authenticate']).toBe('Bearer realm="nfvo"');
        expect(r.headers['content-type']).toMatch(/problem\+json/);
      }
    });
    it('answers 401 for an expired token, saying so', async () => {
      const key = new Uint8Array(hkdfSync('sha256', Buffer.from('cd'.repeat(32), 'hex'), Buffer.alloc(0), 'nfvo/jwt-hs256', 32));
      const expired = await new SignJWT({ scope: 'nsd' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('nfvo').setAudience('nfvo').setSubject(ADMIN.id).setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600).sign(key);
      const r = await a.http.get('/nsd/v2/ns_descriptors').set(V2).set('Authorization', `Bearer ${expired}`);
      expect(r.status).toBe(401);
      expect(r.body.detail).toMatch(/expired/);
    });
    it('lets a read-only token read (200) but not write (403)', async () => {
      const reader = await a.token('reader');
      expect((await a.http.get('/nsd/v2/ns_descriptors').set(V2).set('Authorization', `Bearer ${reader}`)).status).toBe(200);
      const w = await a.http.post('/nsd/v2/ns_descriptors').set(V2).set('Authorization', `Bearer ${reader}`).send({});
      expect(w.status).toBe(403);
      expect(w.body.detail).toMatch(/"nsd"/);
    });
    it('accepts a token of the external identity provider verified through its JWKS, with issuer and audience checked', async () => {
      const sign = (aud: string, scope: string) =>
        new SignJWT({ scope }).setProtectedHeader({ alg: 'RS256', kid: 'idp-1' }).setIssuer('https://idp.example').setAudience(aud).setSubject('oss-1').setIssuedAt().setExpirationTime('5m').sign(idp.privateKey);
      const ok = await a.http.get('/nsd/v2/ns_descriptors').set(V2).set('Authorization', `Bearer ${await sign('nfvo-api', 'nsd:read')}`);
      expect(ok.status).toBe(200);
      const wrongAud = await a.http.get('/nsd/v2/ns_descriptors').set(V2).set('Authorization', `Bearer ${await sign('other', 'nsd:read')}`);
      expect(wrongAud.status).toBe(401);
      const noScope = await a.http.get('/nsd/v2/ns_descriptors').set(V2).set('Authorization', `Bearer ${await sign('nfvo-api', 'nslcm')}`);
      expect(noScope.status).toBe(403);
    });
    it('keeps public routes public', async () => {
      expect((await a.http.get('/health')).status).toBe(200);
      expect((await a.http.get('/nsd/api_versions')).status).toBe(200);
    });
  });

  describe('bootstrap admin client', () => {
    it('is created once when nothing is configured, stored hashed, and usable', async () => {
      const registry = a.app.get(ClientRegistry);
      // The test app has clients configured, so it must not bootstrap…
      expect(await registry.bootstrapAdmin()).toBeUndefined();
      // …while a registry without configured clients does, exactly once.
      const bare = new ClientRegistry({ ...a.config, oauthClients: undefined, jwksUrl: undefined }, a.t.db);
      const created = await bare.bootstrapAdmin();
      expect(created?.clientId).toBe('nfvo-admin');
      expect(await bare.bootstrapAdmin()).toBeUndefined();
      const row = await a.t.db.dataSource.getRepository(OAuthClientEntity).findOneByOrFail({ clientId: 'nfvo-admin' });
      expect(row.secretHash).toMatch(/^scrypt\$/);
      expect(row.secretHash).not.toContain(created!.secret);
      const r = await tokenReq().auth('nfvo-admin', created!.secret).send({ grant_type: 'client_credentials' });
      expect(r.status).toBe(200);
    });
  });
});
