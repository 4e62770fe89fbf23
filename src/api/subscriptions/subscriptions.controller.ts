import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RequireScope } from '../../auth/require-scope.decorator';
import { SUBSCRIPTION_REQUEST_SCHEMA } from '../../notifications/subscription-request.schema';
import type { SubscriptionApi } from '../../notifications/subscription.model';
import { ApiProblems } from '../common/api-problems.decorator';
import type { SubscriptionsHttp } from './subscriptions-http';

export const SUBSCRIPTIONS_HTTP = Symbol('SUBSCRIPTIONS_HTTP');

const TITLES: Record<SubscriptionApi, string> = { nsd: 'NSD management', vnfpkgm: 'VNF package management', nslcm: 'NS lifecycle management', nsfm: 'NS fault management' };
const representation = { schema: { type: 'object', required: ['id', 'callbackUri', '_links'], properties: { id: { type: 'string' }, filter: { type: 'object' }, callbackUri: { type: 'string' }, verbosity: { type: 'string' }, _links: { type: 'object' } } } };

/** …/subscriptions and …/subscriptions/{subscriptionId} of one API major version (SOL005; SOL013 cl. 5.5). */
export function subscriptionsController(api: SubscriptionApi, major: 'v1' | 'v2', versionHeader: { required: boolean; description: string }, spec: string): Type<unknown> {
  @ApiTags(`${TITLES[api]} ${major} (SOL005 ${spec})`)
  @ApiBearerAuth()
  @ApiHeader({ name: 'Version', ...versionHeader })
  @RequireScope(api)
  @Controller(`${api}/${major}/subscriptions`)
  class SubscriptionsController {
    constructor(@Inject(SUBSCRIPTIONS_HTTP) private readonly h: SubscriptionsHttp) {}

    @Post()
    @ApiOperation({ summary: 'Subscribe: the callback is tested with GET (204 required); the same callback and filter again gives 303' })
    @ApiBody({ schema: SUBSCRIPTION_REQUEST_SCHEMA as object })
    @ApiResponse({ status: 201, description: 'Created; Location names the subscription', ...representation })
    @ApiResponse({ status: 303, description: 'See Other: a subscription with this callback and filter exists (Location)' })
    @ApiProblems(415, 422)
    create(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.create(api, major, body, req, res);
    }

    @Get()
    @ApiOperation({ summary: 'Query subscriptions (filter, paging)' })
    @ApiOkResponse({ schema: { type: 'array', items: representation.schema } })
    @ApiProblems()
    list(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.list(api, major, req, res);
    }

    @Get(':subscriptionId')
    @ApiOperation({ summary: 'Read a subscription' })
    @ApiOkResponse(representation)
    @ApiProblems(404)
    get(@Param('subscriptionId') id: string, @Req() req: Request) {
      return this.h.get(api, major, id, req);
    }

    @Delete(':subscriptionId')
    @HttpCode(204)
    @ApiOperation({ summary: 'Terminate a subscription' })
    @ApiNoContentResponse()
    @ApiProblems(404)
    remove(@Param('subscriptionId') id: string) {
      return this.h.remove(api, major, id);
    }
  }
  Object.defineProperty(SubscriptionsController, 'name', { value: `${api[0].toUpperCase()}${api.slice(1)}Subscriptions${major.toUpperCase()}Controller` });
  return SubscriptionsController;
}
