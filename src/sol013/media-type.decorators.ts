import { SetMetadata } from '@nestjs/common';

export const CONSUMES = 'nfvo:consumes';
export const PRODUCES = 'nfvo:produces';

/** Request media types a route accepts (415 otherwise). Default for routes with a body: application/json. */
export const Consumes = (...types: string[]) => SetMetadata(CONSUMES, types);
/** Response media types a route can produce (406 when Accept excludes all). Default: application/json. */
export const Produces = (...types: string[]) => SetMetadata(PRODUCES, types);
