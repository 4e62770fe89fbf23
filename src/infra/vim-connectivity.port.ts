import type { Vim, VimCredentials } from './infra.model';

/**
 * Registering a VIM first proves the NFVO can log in to it; rejects with an NfvoError carrying the VIM's reason.
 * Resolves to the capacity the VIM reports (its project limits), when it reports one.
 */
export interface VimConnectivity {
  check(vim: Vim, credentials: VimCredentials): Promise<Vim['capacity']>;
}

export const VIM_CONNECTIVITY = Symbol('VIM_CONNECTIVITY');
