import { HttpException, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { type ProblemDetails, titleOf } from './problem-details';
import type { RouteTable } from './route-table';

/** Framework exceptions (unknown route, validation pipe, body parser wrapped by Nest) to ProblemDetails. */
export function fromHttpException(e: HttpException, req: Request, routes: RouteTable): { problem: ProblemDetails; headers?: Record<string, string> } {
  const status = e.getStatus();
  if (e instanceof NotFoundException && isRouteMiss(e)) {
    const allow = routes.allowedMethods(req.path);
    if (allow) {
      return {
        problem: { title: titleOf(405), status: 405, detail: `${req.method} is not supported on ${req.path.slice(0, 200)}; allowed: ${allow.join(', ')}` },
        headers: { Allow: allow.join(', ') },
      };
    }
    return { problem: { title: titleOf(404), status: 404, detail: `No resource at ${req.path.slice(0, 200)}` } };
  }
  const parsed = fromBodyParserError(e.cause);
  if (parsed) return { problem: parsed };
  const body = e.getResponse();
  const message = typeof body === 'object' && body && 'message' in body ? (body as { message: unknown }).message : e.message;
  const detail = Array.isArray(message) ? `Invalid request: ${message.join('; ')}` : String(message);
  return { problem: { title: titleOf(status), status, detail: status >= 500 ? titleOf(status) : detail } };
}

const isRouteMiss = (e: NotFoundException) => /^Cannot [A-Z]+ /.test(e.message);

/** body-parser errors carry `type` and `status`; their messages are safe (no internals). */
export function fromBodyParserError(e: unknown): ProblemDetails | undefined {
  const err = e as { type?: string; status?: number; limit?: number };
  if (!err || typeof err.type !== 'string' || typeof err.status !== 'number') return undefined;
  const detail: Record<string, string> = {
    'entity.parse.failed': `The request body is not valid JSON (${(e as Error).message}).`,
    'entity.too.large': `The request body is larger than the limit of ${err.limit ?? '?'} bytes.`,
    'encoding.unsupported': 'The request body uses an unsupported content encoding.',
    'charset.unsupported': 'The request body uses an unsupported charset; use UTF-8.',
    'request.aborted': 'The request was aborted before its body was complete.',
  };
  const status = err.status >= 400 && err.status < 600 ? err.status : 400;
  return { title: titleOf(status), status, detail: detail[err.type] ?? 'The request body could not be read.' };
}
