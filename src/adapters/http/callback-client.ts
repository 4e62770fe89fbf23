import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isSensitiveAddress } from '../../shared/address-policy';
import { CallbackError, type CallbackPort, type CallbackRequestOptions, type CallbackResponse } from '../../notifications/delivery/callback-port';

type LookupCb = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * HTTP(S) to subscriber callbacks. The address each connection really goes to is checked (after DNS, so
 * a name resolving to loopback or cloud metadata is refused; IP literals too, as Node skips `lookup` for
 * them), redirects are never followed, one timer covers connect and the whole response, and at most
 * maxResponseBytes of the answer are read. `agent: false`: a fresh, freshly checked connection per request.
 */
export class HttpCallbackClient implements CallbackPort {
  post(url: string, body: string, o: CallbackRequestOptions): Promise<CallbackResponse> {
    return this.send('POST', url, Buffer.from(body, 'utf8'), o);
  }

  get(url: string, o: CallbackRequestOptions): Promise<CallbackResponse> {
    return this.send('GET', url, undefined, o);
  }

  private async send(method: string, raw: string, body: Buffer | undefined, o: CallbackRequestOptions): Promise<CallbackResponse> {
    const url = parseUri(raw);
    const allowed = (ip: string) => !isSensitiveAddress(ip) || (typeof o.allowSensitive === 'function' ? o.allowSensitive(ip) : o.allowSensitive);
    const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(literal) && !allowed(literal)) throw new CallbackError('address-refused', `${literal} is an address notifications are not sent to (NFVO_CALLBACK_ALLOW)`);
    const lookup = (host: string, opts: { all?: boolean }, cb: LookupCb) =>
      dnsLookup(host, { ...opts, all: true }, (err, addresses) => {
        if (err) return cb(err, '', 0);
        const refused = addresses.find((a) => !allowed(a.address));
        if (refused) return cb(new CallbackError('address-refused', `${host} resolves to ${refused.address}, an address notifications are not sent to (NFVO_CALLBACK_ALLOW)`), '', 0);
        if (opts.all) return cb(null, addresses);
        cb(null, addresses[0].address, addresses[0].family);
      });
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (err: Error | undefined, res?: CallbackResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        if (err) reject(err);
        else resolve(res!);
      };
      const headers = { ...o.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) };
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method, headers, lookup: lookup as never, agent: false }, (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          return finish(new CallbackError('redirect', `redirected (${status}) to ${String(res.headers.location ?? '(no Location)').slice(0, 200)}; redirects are not followed`));
        }
        readCapped(res, o.maxResponseBytes, (bodySnippet, truncated) => finish(undefined, { status, bodySnippet, truncated }));
      });
      const timer = setTimeout(() => finish(new CallbackError('timeout', `timed out after ${o.timeoutMs} ms`)), o.timeoutMs);
      req.on('error', (e) => finish(describe(e, url.hostname)));
      req.end(body);
    });
  }
}

function parseUri(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CallbackError('invalid-uri', `"${raw.slice(0, 200)}" is not an absolute URI`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CallbackError('invalid-uri', `only http and https callbacks are supported, not ${url.protocol}`);
  return url;
}

/** Reads at most `max` bytes; a longer answer is cut there (the caller then drops the connection). */
function readCapped(res: IncomingMessage, max: number, done: (text: string, truncated: boolean) => void): void {
  const parts: Buffer[] = [];
  let size = 0;
  res.on('data', (chunk: Buffer) => {
    if (size > max) return;
    parts.push(chunk);
    size += chunk.length;
    if (size > max) done(Buffer.concat(parts).subarray(0, max).toString('utf8'), true);
  });
  // 'close' also ends a body the subscriber cut short: the status was already answered.
  res.on('close', () => done(Buffer.concat(parts).toString('utf8'), false));
}

function describe(e: Error & { code?: string; errors?: Array<{ code?: string }> }, host: string): Error {
  if (e instanceof CallbackError) return e;
  const code = e.code ?? e.errors?.[0]?.code ?? '';
  const plain: Record<string, string> = { ECONNREFUSED: 'connection refused', ECONNRESET: 'connection reset by the subscriber', ENOTFOUND: `cannot resolve ${host}`, EAI_AGAIN: `cannot resolve ${host} (DNS temporarily unavailable)`, EHOSTUNREACH: 'host unreachable', ENETUNREACH: 'network unreachable' };
  if (plain[code]) return new CallbackError('unreachable', plain[code]);
  if (/CERT|SSL|TLS|SELF_SIGNED/.test(code)) return new CallbackError('tls', `TLS handshake failed: ${e.message}`);
  return new CallbackError('unreachable', e.message || code || 'request failed');
}
