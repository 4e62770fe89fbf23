import type { Vim, VimCredentials } from './infra.model';

/** Registering a VIM first proves the NFVO can log in to it; rejects with an NfvoError carrying the VIM's reason. */
export interface VimConnectivity {
  check(vim: Vim, credentials: VimCredentials): Promise<void>;
}

export const VIM_CONNECTIVITY = Symbol('VIM_CONNECTIVITY');
