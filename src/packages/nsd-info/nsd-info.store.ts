import type { ResourceStore } from '../../shared/resource-store';
import type { NsdInfo } from './nsd-info.model';

export const NSD_INFO_STORE = Symbol('NSD_INFO_STORE');
export type NsdInfoStore = ResourceStore<NsdInfo>;
