import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res, type Type, ValidationPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RequireScope } from '../../auth/require-scope.decorator';
import type { AttributeCatalogue } from '../../sol013/filter';
import type { InfraKind } from '../../infra/infra-repository.port';
import { ApiListQuery } from '../common/api-list-query.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { INFRA_PATHS, type InfraHttp } from './infra-http';

export const INFRA_HTTP = Symbol('INFRA_HTTP');

/** One registry collection: POST, GET (filter, paging), GET one, DELETE (409 while other items or NS instances depend on it). */
export function infraController(
  kind: InfraKind,
  dto: Type<unknown>,
  catalogue: AttributeCatalogue,
  create: (h: InfraHttp, body: never, req: Request, res: Response) => Promise<object>,
): Type<unknown> {
  const body = new ValidationPipe({ expectedType: dto, whitelist: true, forbidNonWhitelisted: true });
  const noun = kind.replace('_', ' ');
  @ApiTags('NFVO: infrastructure registry')
  @ApiBearerAuth()
  @RequireScope('nfvo')
  @Controller(`nfvo/v1/${INFRA_PATHS[kind]}`)
  class InfraController {
    constructor(@Inject(INFRA_HTTP) private readonly h: InfraHttp) {}

    @Post()
    @ApiOperation({ summary: `Register a ${noun}` })
    @ApiBody({ type: dto })
    @ApiCreatedResponse({ description: 'Created; Location names it' })
    @ApiProblems(409, 415, 422)
    create(@Body(body) b: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return create(this.h, b as never, req, res);
    }

    @Get()
    @ApiOperation({ summary: `List ${noun}s (filter, selectors, paging)` })
    @ApiListQuery()
    @ApiOkResponse({ schema: { type: 'array', items: { type: 'object' } } })
    @ApiProblems()
    list(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.list(kind, catalogue, req, res);
    }

    @Get(':id')
    @ApiOperation({ summary: `Read a ${noun}` })
    @ApiProblems(404)
    get(@Param('id') id: string, @Req() req: Request) {
      return this.h.get(kind, id, req);
    }

    @Delete(':id')
    @HttpCode(204)
    @ApiOperation({ summary: `Remove a ${noun}` })
    @ApiNoContentResponse()
    @ApiProblems(404, 409)
    remove(@Param('id') id: string) {
      return this.h.remove(kind, id);
    }
  }
  Object.defineProperty(InfraController, 'name', { value: `Infra${INFRA_PATHS[kind].replace(/(^|_)(\w)/g, (_m, _s, c: string) => c.toUpperCase())}Controller` });
  return InfraController;
}
