import { NfvoError } from '../../shared/nfvo-error';
import type { ResourceStore, Stored } from '../../shared/resource-store';
import type { UnitOfWork } from '../../shared/unit-of-work';
import { etagOf, matchesIfMatch } from '../../shared/etag';
import type { DomainEvent, EventLog } from '../ports/event-log.port';
import type { CatalogueKind, Modifications } from './catalogue-item';
import { applyModifications } from './catalogue-item.rules';

/**
 * PATCH an NSD or VNF package. With If-Match, the change applies only to the revision the client saw
 * (412 otherwise, RFC 9110 cl. 13.1.1); the check and the write share one row lock, and the change
 * notification is written in the same transaction.
 */
export class ModifyCatalogueItem<T extends { id: string; userDefinedData?: Record<string, unknown> }> {
  constructor(
    private readonly kind: CatalogueKind<T>,
    private readonly store: ResourceStore<T>,
    private readonly uow: UnitOfWork,
    private readonly events: EventLog,
    private readonly eventsOf: (before: T, after: T) => DomainEvent[],
  ) {}

  execute(id: string, mod: Modifications, ifMatch: string | undefined): Promise<Stored<T>> {
    return this.uow.run(async (tx) => {
      let before: T | undefined;
      const stored = await this.store.update(
        id,
        (current) => {
          if (ifMatch !== undefined && !matchesIfMatch(ifMatch, etagOf(current))) {
            throw new NfvoError('PRECONDITION_FAILED', `The ${this.kind.noun} has changed since you read it (its ETag is now ${etagOf(current)}); GET it again and retry.`);
          }
          before = current.doc;
          return applyModifications(this.kind, current.doc, mod);
        },
        tx,
      );
      for (const e of this.eventsOf(before!, stored.doc)) await this.events.append(e, tx);
      return stored;
    });
  }
}
