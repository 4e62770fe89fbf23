import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallbackError } from '../../notifications/delivery/callback-port';
import { HttpCallbackClient } from './callback-client';

describe('HttpCallbackClient', () => {
  const client = new HttpCallbackClient();
  const o = { timeoutMs: 1000, maxResponseBytes: 1024, allowSensitive: true };
  let server: Server;
  let base: string;
  let port: number;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (req.url === '/echo') return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ body, auth: req.headers.authorization, type: req.headers['content-type'] }));
        if (req.url === '/hang') return; // never answers
        if (req.url === '/trickle') return res.writeHead(200).write('partial'); // status, then a body that never ends
        if (req.url === '/redirect') return res.writeHead(302, { Location: 'http://127.0.0.1:1/elsewhere' }).end();
        if (req.url === '/huge') {
          res.writeHead(500);
          const chunk = Buffer.alloc(64 * 1024, 'x');
          const pump = () => {
            while (!res.destroyed && res.write(chunk));
            if (!res.destroyed) res.once('drain', pump);
          };
          res.on('error', () => undefined);
          return pump();
        }
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('GETs and POSTs, returning status and body', async () => {
    await expect(client.get(`${base}/test`, o)).resolves.toEqual({ status: 204, bodySnippet: '', truncated: false });
    const res = await client.post(`${base}/echo`, '{"a":1}', { ...o, headers: { 'Content-Type': 'application/json', Authorization: 'Basic eDp5' } });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.bodySnippet)).toEqual({ body: '{"a":1}', auth: 'Basic eDp5', type: 'application/json' });
  });

  it('times out a subscriber that does not answer, and one that never finishes its answer', async () => {
    const t0 = Date.now();
    await expect(client.post(`${base}/hang`, '{}', { ...o, timeoutMs: 300 })).rejects.toMatchObject({ failure: 'timeout', message: 'timed out after 300 ms' });
    await expect(client.get(`${base}/trickle`, { ...o, timeoutMs: 300 })).rejects.toMatchObject({ message: 'timed out after 300 ms' });
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('does not follow a redirect, and says where it pointed', async () => {
    seen.length = 0;
    await expect(client.post(`${base}/redirect`, '{}', o)).rejects.toMatchObject({
      failure: 'redirect',
      message: 'redirected (302) to http://127.0.0.1:1/elsewhere; redirects are not followed',
    });
    expect(seen).toEqual(['POST /redirect']);
  });

  it('reads at most maxResponseBytes of an answer and drops the connection', async () => {
    const t0 = Date.now();
    const res = await client.post(`${base}/huge`, '{}', { ...o, maxResponseBytes: 1000 });
    expect(res).toMatchObject({ status: 500, truncated: true });
    expect(res.bodySnippet).toBe('x'.repeat(1000));
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('refuses loopback, link-local and metadata addresses unless allowed', async () => {
    const strict = { ...o, allowSensitive: false };
    await expect(client.post(`http://localhost:${port}/`, '{}', strict)).rejects.toMatchObject({
      failure: 'address-refused',
      message: expect.stringMatching(/^localhost resolves to (127\.0\.0\.1|::1), an address notifications are not sent to \(NFVO_CALLBACK_ALLOW\)$/),
    });
    await expect(client.post(`${base}/`, '{}', strict)).rejects.toThrow('127.0.0.1 is an address notifications are not sent to (NFVO_CALLBACK_ALLOW)');
    await expect(client.get('http://[::1]:9/', strict)).rejects.toThrow('::1 is an address');
    await expect(client.get('http://169.254.169.254/latest/meta-data', strict)).rejects.toThrow('169.254.169.254 is an address');
    await expect(client.get('http://0.0.0.0:9/', strict)).rejects.toBeInstanceOf(CallbackError);
    const only127 = { ...o, allowSensitive: (ip: string) => ip === '127.0.0.1' };
    await expect(client.get(`${base}/ok`, only127)).resolves.toMatchObject({ status: 204 });
    await expect(client.get('http://[::1]:9/', only127)).rejects.toThrow('::1 is an address');
  });

  it('explains unreachable and unsupported callbacks', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const dead = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(client.post(`http://127.0.0.1:${dead}/`, '{}', o)).rejects.toMatchObject({ failure: 'unreachable', message: 'connection refused' });
    await expect(client.get('ftp://example.com/x', o)).rejects.toMatchObject({ failure: 'invalid-uri', message: 'only http and https callbacks are supported, not ftp:' });
    await expect(client.get('/relative', o)).rejects.toMatchObject({ failure: 'invalid-uri' });
    await expect(client.get('http://no-such-host.invalid/', o)).rejects.toMatchObject({ failure: 'unreachable', message: expect.stringMatching(/cannot resolve no-such-host\.invalid/) });
  });
});
