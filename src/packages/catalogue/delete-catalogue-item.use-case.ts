import type { ResourceStore } from '../../shared/resource-store';
import type { CatalogueKind } from './catalogue-item';
import { assertDeletable } from './catalogue-item.rules';

/** DELETE an NSD or VNF package (409 unless DISABLED and NOT_IN_USE). Its content goes with it. */
export class DeleteCatalogueItem<T extends { id: string }> {
  constructor(
    private readonly kind: CatalogueKind<T>,
    private readonly store: ResourceStore<T>,
    private readonly onDeleted: (id: string) => Promise<void> = async () => undefined,
  ) {}

  async execute(id: string): Promise<void> {
    await this.store.delete(id, (current) => assertDeletable(this.kind, current.doc));
    await this.onDeleted(id);
  }
}
