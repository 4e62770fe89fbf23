import { NfvoError } from '../../shared/nfvo-error';
import type { Stored } from '../../shared/resource-store';
import type { NsdInfo, NsdInfoModifications } from './nsd-info.model';
import { applyModifications } from './nsd-info.rules';
import type { NsdInfoStore } from './nsd-info.store';
import { etagOf, matchesIfMatch } from '../../shared/etag';

/**
 * SOL005 cl. 5.4.3.3.4: PATCH an individual NS descriptor. With If-Match, the change applies only to the
 * revision the client saw (412 otherwise, RFC 9110 cl. 13.1.1); the check and the write share one row lock.
 */
export class ModifyNsdInfo {
  constructor(private readonly store: NsdInfoStore) {}

  execute(id: string, mod: NsdInfoModifications, ifMatch: string | undefined): Promise<Stored<NsdInfo>> {
    return this.store.update(id, (current) => {
      if (ifMatch !== undefined && !matchesIfMatch(ifMatch, etagOf(current))) {
        throw new NfvoError('PRECONDITION_FAILED', `The NSD has changed since you read it (its ETag is now ${etagOf(current)}); GET it again and retry.`);
      }
      return applyModifications(current.doc, mod);
    });
  }
}
