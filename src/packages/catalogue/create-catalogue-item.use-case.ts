import { randomUUID } from 'node:crypto';
import type { ResourceStore, Stored } from '../../shared/resource-store';
import type { CatalogueKind, KeyValuePairs } from './catalogue-item';

/** SOL005 cl. 5.4.2.3.1 / 9.4.2.3.1: POST creates an individual NSD / VNF package resource (CREATED). */
export class CreateCatalogueItem<T extends { id: string }> {
  constructor(private readonly kind: CatalogueKind<T>, private readonly store: ResourceStore<T>) {}

  execute(userDefinedData?: KeyValuePairs): Promise<Stored<T>> {
    return this.store.insert(this.kind.create(randomUUID(), userDefinedData));
  }
}
