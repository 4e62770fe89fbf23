import type { Request, Response } from 'express';
import type { AppConfig } from '../../config/config.schema';
import type { AppKeys } from '../../config/app-keys';
import { NfvoError } from '../../shared/nfvo-error';
import { apiRootOf } from '../../sol013/api-root';
import { listResources } from '../../sol013/list-resources';
import type { CreateSubscription } from '../../notifications/create-subscription.use-case';
import { parseSubscriptionRequest } from '../../notifications/subscription-request.schema';
import type { SubscriptionStores } from '../../notifications/subscription-stores';
import type { Subscription, SubscriptionApi } from '../../notifications/subscription.model';

const str = { type: 'string' } as const;
/** Attributes a GET …/subscriptions filter may name (SOL013 cl. 5.2 over the subscription representation). */
const SUBSCRIPTION_ATTRIBUTES = { id: str, callbackUri: str, verbosity: str, filter: { type: 'object', freeForm: true } } as const;

/** HTTP glue of every API's …/subscriptions resources. */
export class SubscriptionsHttp {
  constructor(private readonly d: { stores: SubscriptionStores; create: CreateSubscription; config: AppConfig; keys: AppKeys }) {}

  representation(s: Subscription, apiRoot: string): object {
    const self = `${apiRoot}/${s.api}/${s.major}/subscriptions/${s.id}`;
    return { id: s.id, ...(s.filter ? { filter: s.filter } : {}), callbackUri: s.callbackUri, ...(s.verbosity ? { verbosity: s.verbosity } : {}), _links: { self: { href: self } } };
  }

  async create(api: SubscriptionApi, major: 'v1' | 'v2', body: unknown, req: Request, res: Response): Promise<object | undefined> {
    const root = apiRootOf(req, this.d.config.apiRoot);
    const request = parseSubscriptionRequest(body, api === 'nslcm' && major === 'v2');
    const result = await this.d.create.execute(api, major, request, root);
    if ('existing' in result) {
      // SOL005: 303 See Other to the existing subscription, with an empty body.
      res.status(303).setHeader('Location', `${root}/${api}/${major}/subscriptions/${result.existing.id}`);
      return undefined;
    }
    const out = this.representation(result.created, root) as { _links: { self: { href: string } } };
    res.status(201).setHeader('Location', out._links.self.href);
    return out;
  }

  async list(api: SubscriptionApi, major: 'v1' | 'v2', req: Request, res: Response): Promise<object[]> {
    const root = apiRootOf(req, this.d.config.apiRoot);
    const path = `/${api}/${major}/subscriptions`;
    const { items, link } = await listResources(
      this.d.stores(api, major),
      { path, catalogue: SUBSCRIPTION_ATTRIBUTES, selection: { complexAttributes: [], mandatory: [['id'], ['_links']] }, toApi: (s) => this.representation(s, root) },
      { query: req.query as Record<string, unknown>, url: `${root}${path}`, pageSize: this.d.config.pageSize, markerKey: this.d.keys.pagingMarker },
    );
    if (link) res.setHeader('Link', link);
    return items;
  }

  async get(api: SubscriptionApi, major: 'v1' | 'v2', id: string, req: Request): Promise<object> {
    const s = await this.d.stores(api, major).get(id);
    if (!s) throw new NfvoError('NOT_FOUND', `No subscription ${id.slice(0, 64)} on /${api}/${major}.`);
    return this.representation(s.doc, apiRootOf(req, this.d.config.apiRoot));
  }

  /** Pending notifications of a deleted subscription are dropped with it (nobody to deliver them to). */
  remove(api: SubscriptionApi, major: 'v1' | 'v2', id: string): Promise<void> {
    return this.d.stores(api, major).delete(id, () => undefined);
  }
}
