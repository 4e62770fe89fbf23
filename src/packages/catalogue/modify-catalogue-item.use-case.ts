import { NfvoError } from '../../shared/nfvo-error';
import type { ResourceStore, Stored } from '../../shared/resource-store';
import { etagOf, matchesIfMatch } from '../../shared/etag';
import type { CatalogueKind, Modifications } from './catalogue-item';
import { applyModifications } from './catalogue-item.rules';

/**
 * PATCH an NSD or VNF package. With If-Match, the change applies only to the revision the client saw
 * (412 otherwise, RFC 9110 cl. 13.1.1); the check and the write share one row lock.
 */
export class ModifyCatalogueItem<T extends { id: string; userDefinedData?: Record<string, unknown> }> {
  constructor(private readonly kind: CatalogueKind<T>, private readonly store: ResourceStore<T>) {}

  execute(id: string, mod: Modifications, ifMatch: string | undefined): Promise<Stored<T>> {
    return this.store.update(id, (current) => {
      if (ifMatch !== undefined && !matchesIfMatch(ifMatch, etagOf(current))) {
        throw new NfvoError('PRECONDITION_FAILED', `The ${this.kind.noun} has changed since you read it (its ETag is now ${etagOf(current)}); GET it again and retry.`);
      }
      return applyModifications(this.kind, current.doc, mod);
    });
  }
}
