import { Controller, Get, HttpCode, Inject, Param, Put, Req, Res, type Type } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RequireScope } from '../../auth/require-scope.decorator';
import { Consumes, Produces } from '../../sol013/media-type.decorators';
import { ApiProblems } from '../common/api-problems.decorator';
import type { CatalogueContentHttp } from './catalogue-content-http';
import type { CatalogueResource } from './catalogue-resource';

export interface ContentRoutes {
  /** nsd_content | package_content */
  content: string;
  /** nsd | vnfd; absent where the major version has no such resource (nsd/v1). */
  descriptor?: string;
  manifest: boolean;
  artifacts: boolean;
  tag: string;
  versionHeader: { required: boolean; description: string };
  /** Injection token of the resource's CatalogueContentHttp. */
  token: symbol;
}

// multipart/form-data: SOL005 V2.4.1 VNF package uploads send the package as form field `file`.
const PACKAGE_TYPES = ['application/zip', 'text/plain', 'application/yaml', 'application/x-yaml', 'application/octet-stream', 'multipart/form-data'];
const binary = { schema: { type: 'string', format: 'binary' } };

/**
 * Content sub-resources of NSDs (SOL005 cl. 5.4.4-5.4.7) or VNF packages (cl. 9.4.4-9.4.8) for one major
 * version: one small controller per sub-resource, so a major version lists only those it has.
 */
export function catalogueContentControllers<T>(resource: CatalogueResource<T>, major: string, r: ContentRoutes): Type<unknown>[] {
  const id = resource.idParam;
  const base = `:${id}`;
  const prefix = `${resource.apiName}/${major}/${resource.collection}`;
  const common = (target: Type<unknown>, name: string) => {
    ApiTags(r.tag)(target);
    ApiBearerAuth()(target);
    ApiHeader({ name: 'Version', ...r.versionHeader })(target);
    RequireScope(resource.apiName)(target);
    Controller(prefix)(target);
    Object.defineProperty(target, 'name', { value: `${pascal(resource.collection)}${name}${major.toUpperCase()}Controller` });
    return target;
  };

  class ContentController {
    constructor(@Inject(r.token) readonly h: CatalogueContentHttp<unknown>) {}

    @Put(`${base}/${r.content}`)
    @HttpCode(202)
    @Consumes(...PACKAGE_TYPES)
    @ApiOperation({ summary: 'Upload the package content (ZIP: SONATA .son, 5GTANGO .tgo, SOL004 CSAR; or one YAML descriptor); onboarding runs asynchronously' })
    @ApiConsumes(...PACKAGE_TYPES)
    @ApiBody(binary)
    @ApiAcceptedResponse({ description: 'Accepted: onboarding runs; watch the onboarding state or subscribe to notifications' })
    @ApiProblems(404, 409, 413, 415)
    upload(@Param(id) itemId: string, @Req() req: Request): Promise<void> {
      return this.h.upload(itemId, req);
    }

    @Get(`${base}/${r.content}`)
    @Produces('application/zip', 'text/plain')
    @ApiOperation({ summary: 'Fetch the package content (Range supported)' })
    @ApiProduces('application/zip', 'text/plain')
    @ApiOkResponse(binary)
    @ApiProblems(404, 409, 416)
    content(@Param(id) itemId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
      return this.h.content(itemId, req, res);
    }
  }

  class DescriptorController {
    constructor(@Inject(r.token) readonly h: CatalogueContentHttp<unknown>) {}

    @Get(`${base}/${r.descriptor ?? 'descriptor'}`)
    @Produces('text/plain', 'application/zip')
    @ApiOperation({ summary: 'Fetch the descriptor (YAML, or a ZIP of it)' })
    @ApiProduces('text/plain', 'application/zip')
    @ApiOkResponse(binary)
    @ApiProblems(404, 409)
    descriptor(@Param(id) itemId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
      return this.h.descriptor(itemId, req, res);
    }
  }

  class ManifestController {
    constructor(@Inject(r.token) readonly h: CatalogueContentHttp<unknown>) {}

    @Get(`${base}/manifest`)
    @Produces('text/plain')
    @ApiOperation({ summary: 'Fetch the package manifest' })
    @ApiProduces('text/plain')
    @ApiOkResponse(binary)
    @ApiProblems(404, 409, 416)
    manifest(@Param(id) itemId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
      return this.h.manifest(itemId, req, res);
    }
  }

  class ArtifactController {
    constructor(@Inject(r.token) readonly h: CatalogueContentHttp<unknown>) {}

    @Get(`${base}/artifacts`)
    @Produces('application/zip')
    @ApiOperation({ summary: 'Fetch every artifact of the package as one ZIP' })
    @ApiProduces('application/zip')
    @ApiOkResponse(binary)
    @ApiProblems(404, 409)
    artifacts(@Param(id) itemId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
      return this.h.allArtifacts(itemId, req, res);
    }

    @Get(`${base}/artifacts/*artifactPath`)
    @Produces('*/*')
    @ApiOperation({ summary: 'Fetch one artifact of the package by its path (Range supported)' })
    @ApiOkResponse(binary)
    @ApiProblems(404, 409, 416)
    artifact(@Param(id) itemId: string, @Param('artifactPath') path: string | string[], @Req() req: Request, @Res() res: Response): Promise<void> {
      return this.h.artifact(itemId, Array.isArray(path) ? path.join('/') : path, req, res);
    }
  }

  return [
    common(ContentController, 'Content'),
    ...(r.descriptor ? [common(DescriptorController, 'Descriptor')] : []),
    ...(r.manifest ? [common(ManifestController, 'Manifest')] : []),
    ...(r.artifacts ? [common(ArtifactController, 'Artifact')] : []),
  ];
}

const pascal = (s: string) => s.replace(/(^|_)(\w)/g, (_m, _s, c: string) => c.toUpperCase());
