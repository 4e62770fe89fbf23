import type { VimPort } from './vim.port';

/** The VimPort of a registered VIM, logged in with its sealed credentials (one session per VIM, shared). */
export interface VimPorts {
  forVim(vimId: string): Promise<VimPort>;
}

export const VIM_PORTS = Symbol('VIM_PORTS');
