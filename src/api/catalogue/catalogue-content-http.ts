import type { Request, Response } from 'express';
import { NfvoError } from '../../shared/nfvo-error';
import type { ResourceStore } from '../../shared/resource-store';
import { stateOf } from '../../packages/catalogue/catalogue-item';
import type { BlobStore } from '../../packages/ports/blob-store.port';
import { openPackageFile, type ByteRange } from '../../packages/catalogue/open-package-file';
import type { DescriptorStore } from '../../packages/ports/descriptor-store.port';
import type { OwnerType, PackageFile, PackageFileStore } from '../../packages/ports/package-file-store.port';
import type { UploadPackageContent } from '../../packages/onboarding/upload-package-content.use-case';
import { multipartFile } from '../common/multipart-file';
import { sendContent } from '../common/send-content';
import { zipStream } from '../common/zip-stream';
import type { CatalogueResource } from './catalogue-resource';

const YAML_TYPES = ['text/plain', 'application/yaml', 'application/x-yaml'];

export interface ContentDeps<T> {
  resource: CatalogueResource<T>;
  owner: OwnerType;
  store: ResourceStore<T & { id: string }>;
  files: PackageFileStore;
  descriptors: DescriptorStore;
  blobs: BlobStore;
  upload: UploadPackageContent<T & { id: string }>;
}

/** Package content, descriptor, manifest and artifacts of an NSD or VNF package (SOL005 cl. 5.4.4-5.4.7 / 9.4.4-9.4.8). */
export class CatalogueContentHttp<T> {
  constructor(private readonly d: ContentDeps<T>) {}

  async upload(id: string, req: Request): Promise<void> {
    const contentType = req.header('content-type')?.split(';')[0].trim().toLowerCase();
    if (contentType === 'multipart/form-data') {
      const part = await multipartFile(req);
      return this.d.upload.execute(id, { body: part.stream, contentType: part.contentType, fileName: part.fileName });
    }
    const fileName = /filename="?([^";]+)"?/i.exec(req.header('content-disposition') ?? '')?.[1];
    await this.d.upload.execute(id, { body: req, contentType, fileName });
  }

  /** The package as uploaded: a ZIP, or the single YAML file (SOL005 cl. 5.4.5.3.2: text/plain only for a one-file NSD). */
  async content(id: string, req: Request, res: Response): Promise<void> {
    await this.onboarded(id);
    const pkg = await this.file(id, '');
    const isYaml = YAML_TYPES.includes(pkg.contentType ?? '') || (pkg.contentType ?? '').includes('json');
    if (!isYaml) {
      if (!req.accepts('application/zip')) throw new NfvoError('NOT_ACCEPTABLE', 'This package has several files, so it is served only as application/zip; add application/zip to Accept.');
      return sendContent(req, res, this.source(pkg, 'application/zip', `${id}.zip`));
    }
    return this.oneFile(req, res, pkg, 'descriptor.yaml');
  }

  /** The main descriptor (the NSD, or the VNFD) as YAML, or zipped when only application/zip is accepted. */
  async descriptor(id: string, req: Request, res: Response): Promise<void> {
    await this.onboarded(id);
    const all = await this.d.descriptors.forOwner(this.d.owner, id);
    const main = all.find((x) => x.kind === (this.d.owner === 'nsd' ? 'service' : 'function'));
    if (!main) throw new NfvoError('NOT_FOUND', `No descriptor is stored for this ${this.d.resource.kind.noun}.`);
    const file = await this.d.files.get(this.d.owner, id, main.source.file);
    if (!file) throw new NfvoError('NOT_FOUND', `The descriptor file ${main.source.file} is not stored for this ${this.d.resource.kind.noun}.`);
    return this.oneFile(req, res, file, main.source.file);
  }

  async manifest(id: string, req: Request, res: Response): Promise<void> {
    await this.onboarded(id);
    // The manifest proper (SOL004 .mf, SONATA MANIFEST.MF), before 5GTANGO's NAPD and TOSCA.meta.
    const rank = (p: string) => (/\.mf$/i.test(p) ? 0 : /NAPD\.ya?ml$/i.test(p) ? 1 : 2);
    const manifest = (await this.d.files.list(this.d.owner, id)).filter((f) => f.role === 'manifest').sort((a, b) => rank(a.path) - rank(b.path))[0];
    if (!manifest) throw new NfvoError('NOT_FOUND', `The package of this ${this.d.resource.kind.noun} has no manifest (it was uploaded as a single descriptor).`);
    return sendContent(req, res, this.source(manifest, 'text/plain'));
  }

  async artifact(id: string, path: string, req: Request, res: Response): Promise<void> {
    await this.onboarded(id);
    const f = path ? await this.d.files.get(this.d.owner, id, path) : undefined;
    if (!f || f.role === 'package') throw new NfvoError('NOT_FOUND', `The package has no artifact "${path.slice(0, 200)}".`);
    return sendContent(req, res, this.source(f, f.contentType ?? 'application/octet-stream'));
  }

  /** SOL005 cl. 9.4.7: every artifact of the package in one ZIP, under its path in the package. */
  async allArtifacts(id: string, req: Request, res: Response): Promise<void> {
    await this.onboarded(id);
    const artifacts = (await this.d.files.list(this.d.owner, id)).filter((f) => f.role === 'artifact');
    res.status(200).type('application/zip').setHeader('Content-Disposition', `attachment; filename="${id}-artifacts.zip"`);
    await zipStream(artifacts.map((f) => ({ name: f.path, open: () => openPackageFile(this.d.blobs, f) })), res);
  }

  private async oneFile(req: Request, res: Response, f: PackageFile, name: string): Promise<void> {
    if (req.accepts(['text/plain', 'application/zip']) === 'application/zip') {
      res.status(200).type('application/zip').setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}.zip"`);
      await zipStream([{ name, open: () => openPackageFile(this.d.blobs, f) }], res);
      return;
    }
    return sendContent(req, res, this.source(f, 'text/plain; charset=utf-8'));
  }

  private source(f: PackageFile, contentType: string, fileName?: string) {
    return { size: f.size, contentType, fileName, open: (range?: ByteRange) => openPackageFile(this.d.blobs, f, range) };
  }

  private async file(id: string, path: string): Promise<PackageFile> {
    const f = await this.d.files.get(this.d.owner, id, path);
    if (!f) throw new NfvoError('NOT_FOUND', `No content is stored for this ${this.d.resource.kind.noun}.`);
    return f;
  }

  /** Content GETs answer 409 until onboarding has finished (SOL005 cl. 5.4.5.3.2 / 9.4.5.3.1). */
  private async onboarded(id: string): Promise<void> {
    const item = await this.d.store.get(id);
    if (!item) throw new NfvoError('NOT_FOUND', `No ${this.d.resource.kind.noun} resource with ${this.d.resource.idParam} ${id.slice(0, 64)}`);
    const state = stateOf(item.doc, this.d.resource.kind.onboarding);
    if (state !== 'ONBOARDED') throw new NfvoError('CONFLICT', `The ${this.d.resource.kind.noun} is ${state}; its content is available once it is ONBOARDED.`);
  }
}
