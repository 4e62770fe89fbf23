import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GuardedPackageFetcher } from './guarded-package-fetcher';

describe('GuardedPackageFetcher', () => {
  let server: Server;
  let port: number;
  const fetcher = new GuardedPackageFetcher();

  beforeAll(async () => {
    server = createServer((req, res) => (req.url === '/slow' ? setTimeout(() => res.end('late'), 2000) : res.end('ok')));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  const read = async (body: AsyncIterable<Uint8Array>) => {
    const parts: Buffer[] = [];
    for await (const c of body) parts.push(Buffer.from(c));
    return Buffer.concat(parts).toString();
  };

  it('refuses a name that resolves to a loopback address unless that is allowed', async () => {
    await expect(fetcher.fetch(new URL(`http://localhost:${port}/p`), { allowSensitiveAddress: false, timeoutMs: 2000 })).rejects.toMatchObject({
      code: 'package.fetch-failed',
      message: expect.stringMatching(/resolves to 127\.0\.0\.1/),
    });
    const ok = await fetcher.fetch(new URL(`http://localhost:${port}/p`), { allowSensitiveAddress: true, timeoutMs: 2000 });
    expect(await read(ok.body)).toBe('ok');
  });

  it('refuses an IP-literal URI to a sensitive address (Node skips lookup for literals)', async () => {
    for (const host of ['127.0.0.1', '169.254.169.254', '[::1]']) {
      await expect(fetcher.fetch(new URL(`http://${host}:${port}/p`), { allowSensitiveAddress: false, timeoutMs: 1000 })).rejects.toMatchObject({
        message: expect.stringMatching(/never fetched from/),
      });
    }
  });

  it('times out a server that does not answer', async () => {
    await expect(fetcher.fetch(new URL(`http://127.0.0.1:${port}/slow`), { allowSensitiveAddress: true, timeoutMs: 300 })).rejects.toMatchObject({
      message: expect.stringMatching(/within 300 ms/),
    });
  });
});
