import type { Request, Response } from 'express';
import type { AppConfig } from '../../config/config.schema';
import type { AppKeys } from '../../config/app-keys';
import { NfvoError } from '../../shared/nfvo-error';
import { etagOf } from '../../shared/etag';
import type { ResourceStore } from '../../shared/resource-store';
import { apiRootOf } from '../../sol013/api-root';
import { listResources } from '../../sol013/list-resources';
import type { KeyValuePairs, OperationalState } from '../../packages/catalogue/catalogue-item';
import type { CreateCatalogueItem } from '../../packages/catalogue/create-catalogue-item.use-case';
import type { DeleteCatalogueItem } from '../../packages/catalogue/delete-catalogue-item.use-case';
import type { ModifyCatalogueItem } from '../../packages/catalogue/modify-catalogue-item.use-case';
import { type CatalogueApiVersion, type CatalogueResource, collectionPath } from './catalogue-resource';

export interface CatalogueUseCases<T extends { id: string; userDefinedData?: KeyValuePairs }> {
  store: ResourceStore<T>;
  create: CreateCatalogueItem<T>;
  modify: ModifyCatalogueItem<T>;
  remove: DeleteCatalogueItem<T>;
}

/** HTTP glue of a catalogue resource, shared by both major versions: they differ only in their mapper. */
export class CatalogueHttp<T extends { id: string; userDefinedData?: KeyValuePairs }> {
  constructor(
    readonly resource: CatalogueResource<T>,
    private readonly uc: CatalogueUseCases<T>,
    private readonly config: AppConfig,
    private readonly keys: AppKeys,
  ) {}

  async list(v: CatalogueApiVersion<T>, req: Request, res: Response): Promise<object[]> {
    const root = apiRootOf(req, this.config.apiRoot);
    const path = collectionPath(this.resource, v.major);
    const { items, link } = await listResources(
      this.uc.store,
      { path, catalogue: v.catalogue, selection: { complexAttributes: this.resource.complexAttributes, mandatory: [['id'], ['_links']] }, toApi: (d) => v.toApi(d, root) },
      { query: req.query as Record<string, unknown>, url: `${root}${path}`, pageSize: this.config.pageSize, markerKey: this.keys.pagingMarker },
    );
    if (link) res.setHeader('Link', link);
    return items;
  }

  async create(v: CatalogueApiVersion<T>, body: { userDefinedData?: KeyValuePairs } | undefined, req: Request, res: Response): Promise<object> {
    const stored = await this.uc.create.execute(body?.userDefinedData); // no body = {}
    const out = v.toApi(stored.doc, apiRootOf(req, this.config.apiRoot)) as { _links: { self: { href: string } } };
    res.status(201).setHeader('Location', out._links.self.href).setHeader('ETag', etagOf(stored));
    return out;
  }

  async get(v: CatalogueApiVersion<T>, id: string, req: Request, res: Response): Promise<object> {
    const stored = await this.uc.store.get(id);
    if (!stored) throw this.notFound(id);
    res.setHeader('ETag', etagOf(stored));
    return v.toApi(stored.doc, apiRootOf(req, this.config.apiRoot));
  }

  /** The response body is the modifications that were applied (SOL005 cl. 5.4.3.3.4 / 9.4.3.3.4). */
  async modify(id: string, body: Record<string, unknown>, ifMatch: string | undefined, res: Response): Promise<object> {
    const op = this.resource.kind.operational;
    const mod = { operationalState: body[op] as OperationalState | undefined, userDefinedData: body.userDefinedData as KeyValuePairs | undefined };
    if (mod.operationalState === undefined && mod.userDefinedData === undefined) {
      throw new NfvoError('BAD_REQUEST', `The modifications need at least one of ${op} and userDefinedData.`);
    }
    const stored = await this.uc.modify.execute(id, mod, ifMatch);
    res.setHeader('ETag', etagOf(stored));
    return body;
  }

  remove(id: string): Promise<void> {
    return this.uc.remove.execute(id);
  }

  notFound(id: string): NfvoError {
    return new NfvoError('NOT_FOUND', `No ${this.resource.kind.noun} resource with ${this.resource.idParam} ${id.slice(0, 64)}`);
  }
}
