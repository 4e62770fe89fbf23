import { VimError, type VimErrorKind } from '../../lifecycle/ports/vim-error';

/**
 * The message inside an OpenStack error body: Nova `{badRequest:{message}}`, Neutron
 * `{NeutronError:{message}}`, Keystone `{error:{message}}`; Glance and proxies answer text/HTML.
 */
export function messageOf(text: string): string {
  try {
    const j = JSON.parse(text) as Record<string, { message?: unknown } | undefined>;
    const inner = Object.values(j).find((v) => v && typeof v === 'object' && typeof v.message === 'string');
    if (inner) return String(inner.message);
  } catch {
    /* not JSON: fall through to the text itself */
  }
  return text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 500) || 'no message';
}

/** Status to kind; quota refusals come as Nova 403/413 and Neutron 409 OverQuota, so the message decides. */
export function errorForStatus(operation: string, status: number, text: string): VimError {
  const message = messageOf(text);
  const quota = /quota|overquota|over limit/i.test(message) || /OverQuota/.test(text);
  const kind: VimErrorKind =
    status === 400 ? 'BAD_REQUEST'
      : status === 401 ? 'UNAUTHORIZED'
        : status === 403 ? (quota ? 'QUOTA_EXCEEDED' : 'FORBIDDEN')
          : status === 404 ? 'NOT_FOUND'
            : status === 409 ? (quota ? 'QUOTA_EXCEEDED' : 'CONFLICT')
              : status === 413 ? 'QUOTA_EXCEEDED'
                : status === 429 || status >= 500 ? 'SERVER_ERROR'
                  : 'BAD_REQUEST';
  return new VimError(kind, operation, message, status);
}

/** A transport failure (no HTTP answer at all): refused, reset, DNS, or our own deadline. */
export function errorForTransport(operation: string, err: { code?: string; message?: string }, timeoutMs: number): VimError {
  if (err.code === 'ETIMEDOUT') {
    return new VimError('TIMEOUT', operation, `no answer within ${timeoutMs} ms`);
  }
  return new VimError('UNREACHABLE', operation, `${err.code ?? 'network error'}: ${err.message ?? 'connection failed'}`);
}
