import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { NfvoError } from '../shared/nfvo-error';
import { IS_PUBLIC } from './public.decorator';
import { API_SCOPE } from './require-scope.decorator';
import { type ApiScope, scopeSatisfies } from './scopes';
import { type Principal, TokenService } from './token-service';

/**
 * Every route needs `Authorization: Bearer` (SOL013 cl. 8.1) unless marked @Public; 401 with
 * WWW-Authenticate for a missing or bad token (RFC 6750 cl. 3), 403 when the token lacks the API's scope.
 */
@Injectable()
export class BearerGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly tokens: TokenService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const header = req.header('authorization') ?? '';
    const m = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(header.trim());
    if (!m) {
      throw new NfvoError('UNAUTHORIZED', header ? 'Authorization refused: the Authorization header must be "Bearer <access token>".' : 'Authorization required: send "Authorization: Bearer <access token>"; get a token from POST /oauth2/token.');
    }
    const principal = await this.tokens.verify(m[1]);
    const scope = this.reflector.getAllAndOverride<ApiScope | undefined>(API_SCOPE, targets);
    if (!scope) throw new NfvoError('FORBIDDEN', 'This route declares no access scope, so it is refused.');
    if (!scopeSatisfies(principal.scopes, scope, req.method)) {
      const needed = ['GET', 'HEAD'].includes(req.method) ? `"${scope}" or "${scope}:read"` : `"${scope}"`;
      throw new NfvoError('FORBIDDEN', `The access token lacks the scope ${needed} needed for ${req.method} on this API.`);
    }
    req.principal = principal;
    return true;
  }
}
