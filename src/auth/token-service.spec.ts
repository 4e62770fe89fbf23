import { loadConfig } from '../config/load-config';
import { resolveKeys } from '../config/app-keys';
import { TokenService } from './token-service';

describe('TokenService', () => {
  const config = loadConfig({ NFVO_SECRET_KEY: 'ef'.repeat(32), NFVO_TOKEN_TTL_SECONDS: '60' });
  const tokens = new TokenService(config, resolveKeys(config));

  it('verifies its own tokens and returns their scopes', async () => {
    const t = await tokens.issue('c1', ['nsd', 'nsd:read']);
    expect(await tokens.verify(t.access_token)).toEqual({ subject: 'c1', scopes: ['nsd', 'nsd:read'] });
    // Second time from the cache: same answer.
    expect(await tokens.verify(t.access_token)).toEqual({ subject: 'c1', scopes: ['nsd', 'nsd:read'] });
  });

  it('stops accepting a cached token once it has expired', async () => {
    const t = await tokens.issue('c2', ['nsd']);
    await tokens.verify(t.access_token);
    jest.useFakeTimers({ now: Date.now() + 61_000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      await expect(tokens.verify(t.access_token)).rejects.toMatchObject({ code: 'UNAUTHORIZED', detail: expect.stringMatching(/expired/) });
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses a token signed with another key', async () => {
    const other = loadConfig({ NFVO_SECRET_KEY: '01'.repeat(32) });
    const foreign = await new TokenService(other, resolveKeys(other)).issue('x', ['nsd']);
    await expect(tokens.verify(foreign.access_token)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
