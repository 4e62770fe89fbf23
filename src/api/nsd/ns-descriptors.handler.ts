import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, APP_KEYS } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import type { AppKeys } from '../../config/app-keys';
import { NfvoError } from '../../shared/nfvo-error';
import { etagOf } from '../../shared/etag';
import { apiRootOf } from '../../sol013/api-root';
import { listResources } from '../../sol013/list-resources';
import { NSD_INFO_COMPLEX_ATTRIBUTES } from '../../packages/nsd-info/nsd-info.catalogue';
import { NSD_INFO_STORE, type NsdInfoStore } from '../../packages/nsd-info/nsd-info.store';
import { CreateNsdInfo } from '../../packages/nsd-info/create-nsd-info.use-case';
import { ModifyNsdInfo } from '../../packages/nsd-info/modify-nsd-info.use-case';
import { DeleteNsdInfo } from '../../packages/nsd-info/delete-nsd-info.use-case';
import type { CreateNsdInfoRequestDto, NsdInfoModificationsDto } from './nsd-info.dto';
import type { NsdApiVersion } from './nsd-api-version';

/** HTTP glue shared by the nsd/v1 and nsd/v2 controllers; the versions differ only in their mapper. */
@Injectable()
export class NsDescriptorsHandler {
  constructor(
    @Inject(NSD_INFO_STORE) private readonly store: NsdInfoStore,
    private readonly createNsdInfo: CreateNsdInfo,
    private readonly modifyNsdInfo: ModifyNsdInfo,
    private readonly deleteNsdInfo: DeleteNsdInfo,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_KEYS) private readonly keys: AppKeys,
  ) {}

  async list(v: NsdApiVersion, req: Request, res: Response): Promise<object[]> {
    const root = apiRootOf(req, this.config.apiRoot);
    const path = `/nsd/${v.major}/ns_descriptors`;
    const { items, link } = await listResources(
      this.store,
      { path, catalogue: v.catalogue, selection: { complexAttributes: NSD_INFO_COMPLEX_ATTRIBUTES, mandatory: [['id'], ['_links']] }, toApi: (d) => v.toApi(d, root) },
      { query: req.query as Record<string, unknown>, url: `${root}${path}`, pageSize: this.config.pageSize, markerKey: this.keys.pagingMarker },
    );
    if (link) res.setHeader('Link', link);
    return items;
  }

  async create(v: NsdApiVersion, body: CreateNsdInfoRequestDto, req: Request, res: Response): Promise<object> {
    const stored = await this.createNsdInfo.execute(body?.userDefinedData); // the body is optional: no body = {}
    const out = v.toApi(stored.doc, apiRootOf(req, this.config.apiRoot)) as { _links: { self: { href: string } } };
    res.status(201).setHeader('Location', out._links.self.href).setHeader('ETag', etagOf(stored));
    return out;
  }

  async get(v: NsdApiVersion, id: string, req: Request, res: Response): Promise<object> {
    const stored = await this.store.get(id);
    if (!stored) throw new NfvoError('NOT_FOUND', `No NS descriptor resource with nsdInfoId ${id.slice(0, 64)}`);
    res.setHeader('ETag', etagOf(stored));
    return v.toApi(stored.doc, apiRootOf(req, this.config.apiRoot));
  }

  /** SOL005 cl. 5.4.3.3.4: the response body is the NsdInfoModifications that were applied. */
  async modify(id: string, body: NsdInfoModificationsDto, ifMatch: string | undefined, res: Response): Promise<NsdInfoModificationsDto> {
    if (body.nsdOperationalState === undefined && body.userDefinedData === undefined) {
      throw new NfvoError('BAD_REQUEST', 'NsdInfoModifications needs at least one of nsdOperationalState and userDefinedData.');
    }
    const stored = await this.modifyNsdInfo.execute(id, body, ifMatch);
    res.setHeader('ETag', etagOf(stored));
    return body;
  }

  remove(id: string): Promise<void> {
    return this.deleteNsdInfo.execute(id);
  }
}
