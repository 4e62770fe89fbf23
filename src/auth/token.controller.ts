import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NfvoError } from '../shared/nfvo-error';
import { ClientRegistry } from './client-registry';
import { Public } from './public.decorator';
import { Consumes } from '../sol013/media-type.decorators';
import { TokenRequestDto, TokenResponseDto } from './token.dto';
import { TokenService } from './token-service';

/**
 * OAuth 2.0 client credentials grant (RFC 6749 cl. 4.4; SOL013 cl. 8). Client authentication by HTTP
 * Basic (cl. 2.3.1, preferred) or client_id/client_secret in the form body. Errors are ProblemDetails
 * that also carry RFC 6749's `error` member, so OAuth client libraries understand them.
 */
@ApiTags('OAuth 2.0')
@Controller('oauth2')
@Public()
export class TokenController {
  constructor(private readonly clients: ClientRegistry, private readonly tokens: TokenService) {}

  @Post('token')
  @HttpCode(200)
  @Consumes('application/x-www-form-urlencoded') // RFC 6749 cl. 4.4.2
  @ApiOperation({ summary: 'Issue an access token (client credentials grant)' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: TokenRequestDto })
  @ApiOkResponse({ type: TokenResponseDto })
  async token(@Body() body: Record<string, unknown>, @Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) res: Response) {
    res.setHeader('Cache-Control', 'no-store'); // RFC 6749 cl. 5.1
    const form = (body ?? {}) as Record<string, unknown>;
    if (form.grant_type !== 'client_credentials') {
      throw oauthError('unsupported_grant_type', form.grant_type ? `grant_type "${String(form.grant_type).slice(0, 40)}" is not supported; use client_credentials` : 'grant_type is required (client_credentials)');
    }
    const { clientId, secret } = credentialsOf(authorization, form);
    const granted = await this.clients.authenticate(clientId, secret);
    const requested = typeof form.scope === 'string' ? form.scope.split(' ').filter(Boolean) : undefined;
    if (requested) {
      const refused = requested.filter((s) => !granted.includes(s));
      if (refused.length) throw oauthError('invalid_scope', `The client may not request scope ${refused.join(', ')}; it has: ${granted.join(' ')}`);
    }
    return this.tokens.issue(clientId, requested ?? granted);
  }
}

function credentialsOf(authorization: string | undefined, form: Record<string, unknown>): { clientId: string; secret: string } {
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(authorization?.trim() ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i > 0) return { clientId: formDecoded(decoded.slice(0, i)), secret: formDecoded(decoded.slice(i + 1)) };
  }
  if (typeof form.client_id === 'string' && typeof form.client_secret === 'string') {
    return { clientId: form.client_id, secret: form.client_secret };
  }
  throw new NfvoError('INVALID_CLIENT', 'Client authentication is required: HTTP Basic with client id and secret, or client_id and client_secret in the form.', { error: 'invalid_client' });
}

/** RFC 6749 §2.3.1: both halves are form-urlencoded; a malformed escape is a failed authentication, not a 500. */
function formDecoded(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw new NfvoError('INVALID_CLIENT', 'Client authentication failed: the Basic credentials are not valid form-urlencoded text.', { error: 'invalid_client' });
  }
}

const oauthError = (error: string, detail: string) => new NfvoError('BAD_REQUEST', detail, { error, error_description: detail });
