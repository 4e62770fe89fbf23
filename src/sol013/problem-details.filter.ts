import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isNfvoError } from '../shared/nfvo-error';
import { PROBLEM_JSON, STATUS_OF, type ProblemDetails, titleOf } from './problem-details';
import { RouteTable } from './route-table';
import { fromBodyParserError, fromHttpException } from './http-exception.mapper';

interface Mapped {
  problem: ProblemDetails;
  headers?: Record<string, string>;
}

/**
 * The only place that turns failures into HTTP: every error response is `application/problem+json`
 * (SOL013 cl. 6.3). A 5xx never carries a stack, SQL or driver text; it carries the request id to quote.
 */
@Catch()
@Injectable()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly routes: RouteTable) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string; log?: { error: Function; warn: Function } }>();
    const res = ctx.getResponse<Response>();
    const { problem, headers } = this.map(exception, req);
    if (problem.status >= 500) req.log?.error({ err: exception }, 'request failed');
    if (res.headersSent) return void res.end();
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    res.status(problem.status).type(PROBLEM_JSON).send(JSON.stringify(problem));
  }

  private map(e: unknown, req: Request & { id?: string }): Mapped {
    if (isNfvoError(e)) {
      const status = STATUS_OF[e.code];
      const headers: Record<string, string> = {};
      if (status === 401) headers['WWW-Authenticate'] = wwwAuthenticate(e.code === 'INVALID_CLIENT' ? 'Basic' : 'Bearer', e.detail, !!req.headers.authorization);
      if (status === 405 && Array.isArray(e.extras.allow)) headers.Allow = (e.extras.allow as string[]).join(', ');
      const { allow: _allow, ...extras } = e.extras;
      return { problem: { ...extras, title: titleOf(status), status, detail: e.detail }, headers };
    }
    if (e instanceof HttpException) return fromHttpException(e, req, this.routes);
    const bodyParser = fromBodyParserError(e);
    if (bodyParser) return { problem: bodyParser };
    return {
      problem: {
        title: titleOf(500),
        status: 500,
        detail: `An unexpected error occurred. Quote request id ${req.id ?? 'unknown'} to the operator; the service log has the cause.`,
      },
    };
  }
}

/** RFC 6750 cl. 3.1: a request without credentials gets the challenge alone, no error code. */
function wwwAuthenticate(scheme: 'Bearer' | 'Basic', detail: string, credentialsSent: boolean): string {
  if (scheme === 'Basic') return `Basic realm="nfvo"`;
  if (!credentialsSent) return `Bearer realm="nfvo"`;
  const desc = detail.replace(/["\\]/g, "'").slice(0, 200);
  return `Bearer realm="nfvo", error="invalid_token", error_description="${desc}"`;
}

