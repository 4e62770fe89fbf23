import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'nfvo:public';
/** Marks a route that needs no bearer token (token endpoint, health, API versions, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
