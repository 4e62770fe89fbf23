import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../config/config.schema';
import type { AppKeys } from '../../config/app-keys';
import { NfvoError } from '../../shared/nfvo-error';
import type { SecretBox } from '../../shared/secret-box';
import { apiRootOf } from '../../sol013/api-root';
import type { AttributeCatalogue } from '../../sol013/filter';
import { listResources } from '../../sol013/list-resources';
import type { InfraDocs, InfraKind, InfraRepository } from '../../infra/infra-repository.port';
import type { VimCredentials } from '../../infra/infra.model';
import type { RegisterVim } from '../../infra/register-vim.use-case';
import type { CreateSiteDto, CreateSwitchHostDto, CreateVimDto, CreateWanLinkDto } from './infra.dto';

export const INFRA_PATHS: Record<InfraKind, string> = { site: 'sites', vim: 'vims', wan_link: 'wan_links', switch_host: 'switches' };

/** HTTP glue of the infrastructure registry (/nfvo/v1/…): SOL013 conventions, credentials write-only. */
export class InfraHttp {
  constructor(private readonly d: { repo: InfraRepository; registerVim: RegisterVim; box: SecretBox; config: AppConfig; keys: AppKeys }) {}

  private self(kind: InfraKind, id: string, req: Request) {
    return `${apiRootOf(req, this.d.config.apiRoot)}/nfvo/v1/${INFRA_PATHS[kind]}/${id}`;
  }

  represent<K extends InfraKind>(kind: K, doc: InfraDocs[K], req: Request): object {
    return { ...doc, _links: { self: { href: this.self(kind, doc.id, req) } } };
  }

  async list(kind: InfraKind, catalogue: AttributeCatalogue, req: Request, res: Response): Promise<object[]> {
    const path = `/nfvo/v1/${INFRA_PATHS[kind]}`;
    const root = apiRootOf(req, this.d.config.apiRoot);
    const { items, link } = await listResources(
      this.d.repo.store(kind),
      { path, catalogue, selection: { complexAttributes: [], mandatory: [['id'], ['_links']] }, toApi: (doc) => this.represent(kind, doc, req) },
      { query: req.query as Record<string, unknown>, url: `${root}${path}`, pageSize: this.d.config.pageSize, markerKey: this.d.keys.pagingMarker },
    );
    if (link) res.setHeader('Link', link);
    return items;
  }

  async get(kind: InfraKind, id: string, req: Request): Promise<object> {
    const s = await this.d.repo.store(kind).get(id);
    if (!s) throw new NfvoError('NOT_FOUND', `No ${kind.replace('_', ' ')} ${id.slice(0, 64)}`);
    return this.represent(kind, s.doc, req);
  }

  remove(kind: InfraKind, id: string): Promise<void> {
    return this.d.repo.remove(kind, id);
  }

  private async created<K extends InfraKind>(kind: K, doc: InfraDocs[K], req: Request, res: Response): Promise<object> {
    res.status(201).setHeader('Location', this.self(kind, doc.id, req));
    return this.represent(kind, doc, req);
  }

  async createSite(b: CreateSiteDto, req: Request, res: Response) {
    const doc = { id: randomUUID(), ...b };
    await this.d.repo.create('site', doc);
    return this.created('site', doc, req, res);
  }

  async createVim(b: CreateVimDto, req: Request, res: Response) {
    const { credentials, ...vim } = b;
    return this.created('vim', await this.d.registerVim.execute(vim, credentialsOf(credentials)), req, res);
  }

  async createWanLink(b: CreateWanLinkDto, req: Request, res: Response) {
    if (b.siteA === b.siteB) throw new NfvoError('BAD_REQUEST', 'A WAN link joins two different sites.');
    const doc = { id: randomUUID(), ...b };
    await this.d.repo.create('wan_link', doc);
    return this.created('wan_link', doc, req, res);
  }

  async createSwitch(b: CreateSwitchHostDto, req: Request, res: Response) {
    const { privateKey, ...rest } = b;
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey)) throw new NfvoError('BAD_REQUEST', 'privateKey must be a PEM private key (-----BEGIN … PRIVATE KEY-----).');
    const doc = { id: randomUUID(), ...rest, port: rest.port ?? 22 };
    await this.d.repo.create('switch_host', doc, this.d.box.seal(JSON.stringify({ privateKey })));
    return this.created('switch_host', doc, req, res);
  }
}

/** The members each authType needs (400 naming what is missing). */
function credentialsOf(c: CreateVimDto['credentials']): VimCredentials {
  const need = (names: Array<keyof typeof c>) => {
    const missing = names.filter((n) => !c[n]);
    if (missing.length) throw new NfvoError('BAD_REQUEST', `credentials of authType ${c.authType} need ${missing.join(', ')}.`);
  };
  if (c.authType === 'password') {
    need(['username', 'password']);
    return { authType: 'password', username: c.username!, password: c.password!, ...(c.userDomain ? { userDomain: c.userDomain } : {}) };
  }
  if (c.authType === 'application_credential') {
    need(['applicationCredentialId', 'applicationCredentialSecret']);
    return { authType: 'application_credential', applicationCredentialId: c.applicationCredentialId!, applicationCredentialSecret: c.applicationCredentialSecret! };
  }
  need(['token']);
  return { authType: 'token', token: c.token! };
}
