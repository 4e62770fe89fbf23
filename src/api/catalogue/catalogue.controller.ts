import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, Patch, Post, Req, Res, type Type, ValidationPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RequireScope } from '../../auth/require-scope.decorator';
import { Consumes } from '../../sol013/media-type.decorators';
import type { KeyValuePairs } from '../../packages/catalogue/catalogue-item';
import { ApiProblems } from '../common/api-problems.decorator';
import { ApiListQuery } from '../common/api-list-query.decorator';
import type { CatalogueHttp } from './catalogue-http';
import type { CatalogueApiVersion, CatalogueResource } from './catalogue-resource';

export interface CatalogueDocs {
  tag: string;
  versionHeader: { required: boolean; description: string };
  /** Documented models of this major version. */
  info: Type<unknown>;
  createRequest: Type<unknown>;
  modifications: Type<unknown>;
  noun: string;
}

/**
 * Validates a body against a class built per resource: a factory-made controller has no parameter
 * type metadata to give the global pipe, so the expected type is named here. Unknown members are 400.
 */
const validated = (type: Type<unknown>) => new ValidationPipe({ expectedType: type, whitelist: true, forbidNonWhitelisted: true });

/**
 * The collection and individual resource of a catalogue API (SOL005 cl. 5.4.2-5.4.3 / 9.4.2-9.4.3) for one
 * major version. Built from the same code for NSDs and VNF packages, v1 and v2, so they cannot drift apart.
 */
export function catalogueController<T extends { id: string; userDefinedData?: KeyValuePairs }>(
  resource: CatalogueResource<T>,
  v: CatalogueApiVersion<T>,
  docs: CatalogueDocs,
): Type<unknown> {
  const id = resource.idParam;
  @ApiTags(docs.tag)
  @ApiBearerAuth()
  @ApiHeader({ name: 'Version', ...docs.versionHeader })
  @RequireScope(resource.apiName)
  @Controller(`${resource.apiName}/${v.major}/${resource.collection}`)
  class CatalogueController {
    constructor(@Inject(resource.token) private readonly h: CatalogueHttp<T>) {}

    @Get()
    @ApiOperation({ summary: `Query ${docs.noun}s (filter, attribute selectors, paging)` })
    @ApiListQuery()
    @ApiOkResponse({ type: [docs.info] })
    @ApiProblems()
    list(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.list(v, req, res);
    }

    @Post()
    @ApiOperation({ summary: `Create an individual ${docs.noun} resource` })
    @ApiBody({ type: docs.createRequest, required: false })
    @ApiCreatedResponse({ type: docs.info, description: 'Created; Location names the new resource' })
    @ApiProblems(415)
    create(@Body(validated(docs.createRequest)) body: { userDefinedData?: KeyValuePairs } | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.create(v, body, req, res);
    }

    @Get(`:${id}`)
    @ApiOperation({ summary: `Read an individual ${docs.noun} resource` })
    @ApiOkResponse({ type: docs.info })
    @ApiProblems(404)
    get(@Param(id) itemId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.get(v, itemId, req, res);
    }

    @Patch(`:${id}`)
    @Consumes('application/merge-patch+json')
    @ApiOperation({ summary: `Enable/disable a ${docs.noun} or change its userDefinedData (JSON merge patch)` })
    @ApiHeader({ name: 'If-Match', required: false })
    @ApiBody({ type: docs.modifications })
    @ApiOkResponse({ type: docs.modifications })
    @ApiProblems(404, 409, 412, 415)
    modify(@Param(id) itemId: string, @Body(validated(docs.modifications)) body: Record<string, unknown>, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
      return this.h.modify(itemId, body, ifMatch, res);
    }

    @Delete(`:${id}`)
    @HttpCode(204)
    @ApiOperation({ summary: `Delete an individual ${docs.noun} resource (DISABLED and NOT_IN_USE only)` })
    @ApiNoContentResponse()
    @ApiProblems(404, 409)
    remove(@Param(id) itemId: string) {
      return this.h.remove(itemId);
    }
  }
  // Distinct class names keep controller-derived identifiers (e.g. OpenAPI operationIds) unique.
  const name = `${resource.collection.replace(/(^|_)(\w)/g, (_m, _s, c: string) => c.toUpperCase())}${v.major.toUpperCase()}Controller`;
  Object.defineProperty(CatalogueController, 'name', { value: name });
  return CatalogueController;
}
