import type { DomainEvent, EventLog } from '../packages/ports/event-log.port';
import type { TxHandle } from '../shared/unit-of-work';
import { managerOf } from './transactions';

export class DatabaseEventLog implements EventLog {
  async append(e: DomainEvent, tx: TxHandle): Promise<void> {
    await managerOf(tx).query(`INSERT INTO domain_event (type, subject_type, subject_id, payload) VALUES ($1, $2, $3, $4::jsonb)`, [
      e.type,
      e.subjectType,
      e.subjectId,
      JSON.stringify(e.payload),
    ]);
  }
}
