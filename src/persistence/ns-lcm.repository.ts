import type { NsInstance } from '../lifecycle/domain/ns-instance.model';
import type { NsLcmOpOcc } from '../lifecycle/domain/ns-lcm-op-occ.model';
import type { NsdUsage, NsLcmRepository } from '../lifecycle/ports/ns-lcm-repository.port';
import type { NsdInfo } from '../packages/nsd-info/nsd-info.model';
import { NfvoError } from '../shared/nfvo-error';
import type { TxHandle } from '../shared/unit-of-work';
import type { Database } from './database';
import { DocumentStore } from './document-store';
import { managerOf, queryer, rowsOf } from './transactions';

const ACTIVE = `operation_state IN ('PROCESSING', 'FAILED_TEMP', 'ROLLING_BACK')`;

export class DatabaseNsLcmRepository implements NsLcmRepository {
  readonly instances: DocumentStore<NsInstance>;
  readonly occurrences: DocumentStore<NsLcmOpOcc>;

  constructor(private readonly db: Database) {
    this.instances = new DocumentStore(db, 'ns_instance', 'NS instance');
    this.occurrences = new DocumentStore(db, 'ns_lcm_op_occ', 'NS LCM operation occurrence');
  }

  async lockInstance(id: string, tx: TxHandle): Promise<NsInstance | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const rows: { doc: NsInstance }[] = await managerOf(tx).query(`SELECT doc FROM ns_instance WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0]?.doc;
  }

  async insertOccurrence(occ: NsLcmOpOcc, tx: TxHandle): Promise<void> {
    // A savepoint keeps the caller's transaction usable when the unique index refuses the row.
    const m = managerOf(tx);
    await m.query('SAVEPOINT occ_insert');
    try {
      await this.occurrences.insert(occ, tx);
      await m.query('RELEASE SAVEPOINT occ_insert');
    } catch (err) {
      await m.query('ROLLBACK TO SAVEPOINT occ_insert');
      const code = (err as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (err as { code?: string }).code;
      if (code !== '23505') throw err;
      const running = await this.activeOccurrence(occ.nsInstanceId, tx);
      throw new NfvoError('CONFLICT', `NS instance ${occ.nsInstanceId} already has ${running ? `${running.lcmOperationType} operation ${running.id} in ${running.operationState}` : 'an operation in progress'}; one LCM operation at a time.`);
    }
  }

  async activeOccurrence(nsInstanceId: string, tx?: TxHandle): Promise<NsLcmOpOcc | undefined> {
    const rows: { doc: NsLcmOpOcc }[] = await queryer(this.db, tx).query(`SELECT doc FROM ns_lcm_op_occ WHERE ns_instance_id = $1 AND ${ACTIVE}`, [nsInstanceId]);
    return rows[0]?.doc;
  }
}

export class DatabaseNsdUsage implements NsdUsage {
  async lockByNsdId(nsdId: string, tx: TxHandle): Promise<NsdInfo | undefined> {
    // Several NsdInfo may carry one nsdId (a failed upload beside a good one): prefer the usable one.
    const rows: { doc: NsdInfo }[] = await managerOf(tx).query(
      `SELECT doc FROM nsd_info WHERE doc->>'nsdId' = $1
       ORDER BY (doc->>'nsdOnboardingState' = 'ONBOARDED') DESC, (doc->>'nsdOperationalState' = 'ENABLED') DESC, seq DESC LIMIT 1 FOR UPDATE`,
      [nsdId],
    );
    return rows[0]?.doc;
  }

  async lockByInfoId(nsdInfoId: string, tx: TxHandle): Promise<NsdInfo | undefined> {
    const rows: { doc: NsdInfo }[] = await managerOf(tx).query(`SELECT doc FROM nsd_info WHERE id = $1 FOR UPDATE`, [nsdInfoId]);
    return rows[0]?.doc;
  }

  async setUsage(nsdInfoId: string, usage: NsdInfo['nsdUsageState'], tx: TxHandle): Promise<void> {
    await rowsOf(managerOf(tx), `UPDATE nsd_info SET doc = jsonb_set(doc, '{nsdUsageState}', to_jsonb($2::text)), revision = revision + 1, updated_at = now() WHERE id = $1`, [nsdInfoId, usage]);
  }

  async instanceCount(nsdInfoId: string, tx: TxHandle): Promise<number> {
    const rows: { n: string }[] = await managerOf(tx).query(`SELECT count(*) AS n FROM ns_instance WHERE nsd_info_id = $1`, [nsdInfoId]);
    return Number(rows[0].n);
  }
}
