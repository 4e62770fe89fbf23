import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { NfvoError } from '../shared/nfvo-error';
import { CONSUMES, PRODUCES } from './media-type.decorators';

/**
 * Content negotiation (SOL013 cl. 4.2 / RFC 9110): a body in a type the route does not take is 415
 * (before any parsing can mislead validation), and an Accept that excludes every type it produces is 406.
 */
@Injectable()
export class MediaTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const targets = [ctx.getHandler(), ctx.getClass()];
    const produces = this.reflector.getAllAndOverride<string[]>(PRODUCES, targets) ?? ['application/json'];
    if (req.headers.accept && !req.accepts(produces)) {
      throw new NfvoError('NOT_ACCEPTABLE', `This resource can answer with ${produces.join(', ')} only; the Accept header excludes it.`);
    }
    if (!hasBody(req)) return true;
    const consumes = this.reflector.getAllAndOverride<string[]>(CONSUMES, targets) ?? ['application/json'];
    if (!req.is(consumes)) {
      const got = req.headers['content-type'] ? `"${String(req.headers['content-type']).slice(0, 80)}"` : 'no Content-Type';
      throw new NfvoError('UNSUPPORTED_MEDIA_TYPE', `This resource takes a body of type ${consumes.join(' or ')}; the request sent ${got}.`);
    }
    return true;
  }
}

const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
