import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, APP_KEYS } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import type { AppKeys } from '../../config/app-keys';
import { RequireScope } from '../../auth/require-scope.decorator';
import { NfvoError } from '../../shared/nfvo-error';
import type { ResourceStore } from '../../shared/resource-store';
import { apiRootOf } from '../../sol013/api-root';
import { listResources } from '../../sol013/list-resources';
import { NOTIFICATION_ATTRIBUTES, NOTIFICATION_RECORDS, type NotificationRecord } from '../../notifications/notification-record';
import { ApiListQuery } from '../common/api-list-query.decorator';
import { ApiProblems } from '../common/api-problems.decorator';

/**
 * Our own (non-SOL005) view of the outbox: every notification with its delivery state, so an operator can
 * see what is pending and what became undeliverable, e.g. `?filter=(eq,state,UNDELIVERABLE)`.
 */
@ApiTags('NFVO: notifications')
@ApiBearerAuth()
@RequireScope('nfvo')
@Controller('nfvo/v1/notifications')
export class NotificationsQueryController {
  constructor(
    @Inject(NOTIFICATION_RECORDS) private readonly store: ResourceStore<NotificationRecord>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_KEYS) private readonly keys: AppKeys,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Notifications and their delivery state (filter, selectors, paging)' })
  @ApiListQuery()
  @ApiOkResponse({ schema: { type: 'array', items: { type: 'object' } } })
  @ApiProblems()
  async list(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const root = apiRootOf(req, this.config.apiRoot);
    const { items, link } = await listResources(
      this.store,
      { path: '/nfvo/v1/notifications', catalogue: NOTIFICATION_ATTRIBUTES, selection: { complexAttributes: [], mandatory: [['id']] }, toApi: (n) => n },
      { query: req.query as Record<string, unknown>, url: `${root}/nfvo/v1/notifications`, pageSize: this.config.pageSize, markerKey: this.keys.pagingMarker },
    );
    if (link) res.setHeader('Link', link);
    return items;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One notification and its delivery state' })
  @ApiProblems(404)
  async get(@Param('id') id: string) {
    const n = await this.store.get(id);
    if (!n) throw new NfvoError('NOT_FOUND', `No notification ${id.slice(0, 64)}`);
    return n.doc;
  }
}
