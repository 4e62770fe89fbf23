import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isSensitiveAddress } from '../../shared/address-policy';
import type { FetchedContent, PackageFetcher } from '../../packages/ports/package-fetcher.port';

export class FetchError extends Error {
  readonly code = 'package.fetch-failed';
}

/**
 * HTTP(S) download that checks the address each connection really goes to (after DNS, so a name that
 * resolves to loopback or cloud metadata is refused too), never follows redirects, and times out.
 */
export class GuardedPackageFetcher implements PackageFetcher {
  fetch(url: URL, o: { username?: string; password?: string; allowSensitiveAddress: boolean; timeoutMs: number }): Promise<FetchedContent> {
    return new Promise((resolve, reject) => {
      const fail = (msg: string) => reject(new FetchError(`Fetching ${url.origin}${url.pathname.slice(0, 200)} failed: ${msg}`));
      // Node does not call `lookup` for an IP literal, so a literal address is checked here.
      const literal = url.hostname.replace(/^\[|\]$/g, '');
      if (isIP(literal) && !o.allowSensitiveAddress && isSensitiveAddress(literal)) return fail(`${literal} is an address packages are never fetched from`);
      // Same shape as dns.lookup (Node asks for `all: true` when it races address families).
      const lookup = (host: string, opts: { all?: boolean }, cb: (err: Error | null, address: string | LookupAddress[], family?: number) => void) =>
        dnsLookup(host, { ...opts, all: true }, (err, addresses) => {
          if (err) return cb(err, '', 0);
          const refused = o.allowSensitiveAddress ? undefined : addresses.find((a) => isSensitiveAddress(a.address));
          if (refused) return cb(new Error(`${host} resolves to ${refused.address}, an address packages are never fetched from`), '', 0);
          if (opts.all) return cb(null, addresses);
          cb(null, addresses[0].address, addresses[0].family);
        });
      const headers: Record<string, string> = { Accept: 'application/zip, text/plain, application/yaml, */*' };
      if (o.username !== undefined) headers.Authorization = `Basic ${Buffer.from(`${o.username}:${o.password ?? ''}`).toString('base64')}`;
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method: 'GET', headers, lookup: lookup as never, timeout: o.timeoutMs }, (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          res.resume();
          return fail(`the server redirected (${status}) to ${String(res.headers.location ?? '?').slice(0, 200)}; give that URI directly (redirects are not followed)`);
        }
        if (status !== 200) {
          res.resume();
          return fail(`the server answered ${status} ${res.statusMessage ?? ''}`.trim());
        }
        res.setTimeout(o.timeoutMs, () => res.destroy(new FetchError(`no data for ${o.timeoutMs} ms`)));
        resolve({ contentType: res.headers['content-type']?.split(';')[0].trim().toLowerCase(), body: res });
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${o.timeoutMs} ms`)));
      req.on('error', (e) => fail(e.message));
      req.end();
    });
  }
}
