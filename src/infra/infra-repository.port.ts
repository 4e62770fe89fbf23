import type { ResourceStore } from '../shared/resource-store';
import type { Site, SwitchHost, Vim, WanLink } from './infra.model';

export type InfraKind = 'site' | 'vim' | 'wan_link' | 'switch_host';

export interface InfraDocs {
  site: Site;
  vim: Vim;
  wan_link: WanLink;
  switch_host: SwitchHost;
}

/**
 * The registry's tables. `create` maps the database's own consistency checks to actionable errors:
 * an unknown site is 422, a taken name or site pair 409; `remove` refuses (409) what others still reference.
 */
export interface InfraRepository {
  store<K extends InfraKind>(kind: K): ResourceStore<InfraDocs[K]>;
  create<K extends InfraKind>(kind: K, doc: InfraDocs[K], sealedCredentials?: string): Promise<void>;
  remove(kind: InfraKind, id: string): Promise<void>;
  sealedCredentials(kind: 'vim' | 'switch_host', id: string): Promise<string | undefined>;
}

export const INFRA_REPOSITORY = Symbol('INFRA_REPOSITORY');
