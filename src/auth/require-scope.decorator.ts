import { SetMetadata } from '@nestjs/common';
import type { ApiScope } from './scopes';

export const API_SCOPE = 'nfvo:scope';
/**
 * The API a controller belongs to. GET/HEAD accept `<api>` or `<api>:read`; other methods need `<api>`.
 * Routes without it (and not @Public) are refused: the guard fails closed.
 */
export const RequireScope = (scope: ApiScope) => SetMetadata(API_SCOPE, scope);
