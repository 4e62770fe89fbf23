import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config';
import { CONFIG_VARS } from './config.vars';

describe('loadConfig', () => {
  it('applies defaults on an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe('./.nfvo');
    expect(c.pageSize).toBe(100);
  });

  it('lists every bad variable at once and never echoes a secret', () => {
    try {
      loadConfig({ PORT: 'eighty', NFVO_PAGE_SIZE: '0', NFVO_SECRET_KEY: 'tooshort-secret', NFVO_DB_SCHEMA: 'x;drop' });
      fail('expected ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems;
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toMatch(/PORT .*whole number/);
      expect(problems.join('\n')).toMatch(/NFVO_PAGE_SIZE/);
      expect(problems.join('\n')).toMatch(/NFVO_SECRET_KEY must be 32 random bytes/);
      expect(problems.join('\n')).not.toContain('tooshort-secret');
    }
  });

  it('parses OAuth clients with and without scopes', () => {
    const c = loadConfig({ NFVO_OAUTH_CLIENTS: 'oss:0123456789abcdef:nsd nslcm:read, admin:fedcba9876543210' });
    expect(c.oauthClients).toEqual([
      { clientId: 'oss', secret: '0123456789abcdef', scopes: ['nsd', 'nslcm:read'] },
      { clientId: 'admin', secret: 'fedcba9876543210', scopes: [] },
    ]);
  });

  it.each([
    ['oss', /entry 1 must be/],
    ['oss:short', /at least 16/],
    ['a:0123456789abcdef,a:0123456789abcdef', /listed twice/],
    ['oss:0123456789abcdef:NSD!', /invalid scope/],
  ])('rejects NFVO_OAUTH_CLIENTS=%s', (raw, msg) => {
    expect(() => loadConfig({ NFVO_OAUTH_CLIENTS: raw })).toThrow(msg);
  });

  it('requires an issuer for external tokens', () => {
    expect(() => loadConfig({ NFVO_JWKS_URL: 'https://idp.example/jwks' })).toThrow(/NFVO_JWKS_ISSUER is required/);
    expect(loadConfig({ NFVO_JWKS_URL: 'https://idp.example/jwks', NFVO_JWKS_ISSUER: 'https://idp.example' }).jwksIssuer).toBe('https://idp.example');
  });

  it('accepts a 32-byte secret key as hex or base64', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ NFVO_SECRET_KEY: hex }).secretKey?.length).toBe(32);
    expect(loadConfig({ NFVO_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).secretKey?.length).toBe(32);
  });

  it('documents every variable in the README', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const missing = CONFIG_VARS.filter((v) => !readme.includes(`\`${v.env}\``)).map((v) => v.env);
    expect(missing).toEqual([]);
  });
});
