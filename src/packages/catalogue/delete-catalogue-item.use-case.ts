import type { ResourceStore } from '../../shared/resource-store';
import type { TxHandle, UnitOfWork } from '../../shared/unit-of-work';
import type { CatalogueKind } from './catalogue-item';
import { assertDeletable } from './catalogue-item.rules';

/**
 * DELETE an NSD or VNF package (409 unless DISABLED and NOT_IN_USE); its content and the deletion
 * notification go in the same transaction.
 */
export class DeleteCatalogueItem<T extends { id: string }> {
  constructor(
    private readonly kind: CatalogueKind<T>,
    private readonly store: ResourceStore<T>,
    private readonly uow: UnitOfWork,
    private readonly afterDelete: (item: T, tx: TxHandle) => Promise<void>,
  ) {}

  execute(id: string): Promise<void> {
    return this.uow.run(async (tx) => {
      let deleted: T | undefined;
      await this.store.delete(
        id,
        (current) => {
          assertDeletable(this.kind, current.doc);
          deleted = current.doc;
        },
        tx,
      );
      await this.afterDelete(deleted!, tx);
    });
  }
}
