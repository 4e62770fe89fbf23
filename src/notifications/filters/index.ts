import type { SubscriptionApi } from '../subscription.model';
import type { FilterSpec } from './filter-spec';
import { NSD_FILTER } from './nsd-filter';
import { NSFM_FILTER } from './nsfm-filter';
import { NSLCM_FILTER } from './nslcm-filter';
import { VNFPKGM_FILTER } from './vnfpkgm-filter';

export const FILTERS: Record<SubscriptionApi, FilterSpec> = { nsd: NSD_FILTER, vnfpkgm: VNFPKGM_FILTER, nslcm: NSLCM_FILTER, nsfm: NSFM_FILTER };
export type { FilterSpec, FilterableEvent } from './filter-spec';
