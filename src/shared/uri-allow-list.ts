import { NfvoError } from './nfvo-error';

/**
 * NFVO_UPLOAD_URI_ALLOW: comma-separated `scheme://host[:port]` patterns a package may be fetched from;
 * `*` in the host matches one or more labels (`https://*.example.com`), `:*` any port. Only http(s).
 */
export interface AllowRule {
  scheme: 'http' | 'https';
  host: RegExp;
  port?: string;
  /** The rule names a literal address, so that address is allowed even where addresses are sensitive. */
  literalHost?: string;
}

export function parseAllowList(text: string): AllowRule[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const m = /^(https?):\/\/([A-Za-z0-9*.\-[\]:]+?)(?::(\d+|\*))?$/.exec(entry);
    if (!m) throw new Error(`"${entry}" is not scheme://host[:port]`);
    const host = m[2].toLowerCase();
    const glob = host.split('.').map((l) => (l === '*' ? '[a-z0-9-]+(?:\\.[a-z0-9-]+)*' : l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('\\.');
    return { scheme: m[1] as 'http' | 'https', host: new RegExp(`^${glob}$`), ...(m[3] && m[3] !== '*' ? { port: m[3] } : {}), ...(host.includes('*') ? {} : { literalHost: host }) };
  });
}

/** The matching rule for a URL, or a 422 saying how to allow it. */
export function checkUri(uri: string, rules: AllowRule[]): { url: URL; rule: AllowRule } {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new NfvoError('BAD_REQUEST', `addressInformation "${uri.slice(0, 200)}" is not an absolute URI.`);
  }
  const scheme = url.protocol.replace(':', '');
  const port = url.port || (scheme === 'https' ? '443' : '80');
  const rule = rules.find((r) => r.scheme === scheme && r.host.test(url.hostname.toLowerCase()) && (!r.port || r.port === port));
  if (!rule) {
    throw new NfvoError('UNPROCESSABLE', `Packages may not be fetched from ${url.protocol}//${url.host}: it is not in the operator's allow-list (NFVO_UPLOAD_URI_ALLOW).`);
  }
  if (url.username || url.password) throw new NfvoError('BAD_REQUEST', 'Put credentials in userName and password, not in the URI.');
  return { url, rule };
}
