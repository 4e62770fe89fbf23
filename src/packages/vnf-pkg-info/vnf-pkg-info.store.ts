import type { ResourceStore } from '../../shared/resource-store';
import type { VnfPkgInfo } from './vnf-pkg-info.model';

export const VNF_PKG_INFO_STORE = Symbol('VNF_PKG_INFO_STORE');
export type VnfPkgInfoStore = ResourceStore<VnfPkgInfo>;
