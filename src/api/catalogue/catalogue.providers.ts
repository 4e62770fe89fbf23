import type { Provider } from '@nestjs/common';
import { APP_CONFIG, APP_KEYS } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import type { AppKeys } from '../../config/app-keys';
import { Database } from '../../persistence/database';
import { DocumentStore } from '../../persistence/document-store';
import type { KeyValuePairs } from '../../packages/catalogue/catalogue-item';
import { CreateCatalogueItem } from '../../packages/catalogue/create-catalogue-item.use-case';
import { DeleteCatalogueItem } from '../../packages/catalogue/delete-catalogue-item.use-case';
import { ModifyCatalogueItem } from '../../packages/catalogue/modify-catalogue-item.use-case';
import { CatalogueHttp } from './catalogue-http';
import type { CatalogueResource } from './catalogue-resource';

/** Wires a catalogue resource: its document table, its use cases and its HTTP glue (composition only). */
export function catalogueProviders<T extends { id: string; userDefinedData?: KeyValuePairs }>(
  resource: CatalogueResource<T>,
  table: string,
  storeToken: symbol,
): Provider[] {
  return [
    { provide: storeToken, inject: [Database], useFactory: (db: Database) => new DocumentStore<T>(db, table, `${resource.kind.noun} resource`) },
    {
      provide: resource.token,
      inject: [storeToken, APP_CONFIG, APP_KEYS],
      useFactory: (store: DocumentStore<T>, config: AppConfig, keys: AppKeys) =>
        new CatalogueHttp(
          resource,
          {
            store,
            create: new CreateCatalogueItem(resource.kind, store),
            modify: new ModifyCatalogueItem(resource.kind, store),
            remove: new DeleteCatalogueItem(resource.kind, store),
          },
          config,
          keys,
        ),
    },
  ];
}
