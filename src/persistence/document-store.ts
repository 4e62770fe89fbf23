import type { EntityManager } from 'typeorm';
import { NfvoError } from '../shared/nfvo-error';
import { isUuid } from '../shared/uuid';
import type { Page, ResourceStore, SqlCondition, Stored } from '../shared/resource-store';
import type { TxHandle } from '../shared/unit-of-work';
import type { Database } from './database';
import { inTransaction, queryer, rowsOf } from './transactions';

interface Row {
  seq: string;
  doc: unknown;
  revision: number;
}

/**
 * A {@link ResourceStore} over a table `(id uuid, seq bigserial, doc jsonb, revision int, …)`. `table` and
 * `label` come from our code, never from a request; every value travels as a bind parameter.
 */
export class DocumentStore<T extends { id: string }> implements ResourceStore<T> {
  /**
   * `scope` limits the store to the rows whose columns hold these values (e.g. the subscriptions of one
   * API version); the column names come from our code, the values are bound.
   */
  constructor(private readonly db: Database, private readonly table: string, private readonly label: string, private readonly scope: Array<[string, string]> = []) {
    if (!/^[a-z_]+$/.test(table) || scope.some(([c]) => !/^[a-z_]+$/.test(c))) throw new Error(`bad table or column name ${table}`);
  }

  /** The scope condition with its values bound after the given parameters. */
  private scoped(params: unknown[]): string {
    return this.scope.map(([c, v]) => ` AND ${c} = $${params.push(v)}`).join('');
  }

  async insert(doc: T, tx?: TxHandle): Promise<Stored<T>> {
    const rows: Row[] = await queryer(this.db, tx).query(
      `INSERT INTO ${this.table} (id, doc) VALUES ($1, $2::jsonb) RETURNING seq, doc, revision`,
      [doc.id, JSON.stringify(doc)],
    );
    return toStored(rows[0]);
  }

  async get(id: string, tx?: TxHandle): Promise<Stored<T> | undefined> {
    if (!isUuid(id)) return undefined;
    const params: unknown[] = [id];
    const rows: Row[] = await queryer(this.db, tx).query(`SELECT seq, doc, revision FROM ${this.table} WHERE id = $1${this.scoped(params)}`, params);
    return rows[0] ? toStored(rows[0]) : undefined;
  }

  async list(condition: SqlCondition | undefined, afterSeq: string | undefined, limit: number): Promise<Page<T>> {
    const params = [...(condition?.params ?? [])];
    const where = [condition ? `(${condition.sql})` : 'TRUE'];
    for (const [c, v] of this.scope) where.push(`${c} = $${params.push(v)}`);
    if (afterSeq !== undefined) {
      params.push(afterSeq);
      where.push(`seq > $${params.length}::bigint`);
    }
    params.push(limit + 1);
    const rows: Row[] = await this.db.dataSource.query(
      `SELECT seq, doc, revision FROM ${this.table} WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${params.length}`,
      params,
    );
    const hasMore = rows.length > limit;
    const items = rows.slice(0, limit).map((r) => toStored<T>(r));
    return { items, hasMore, lastSeq: hasMore ? items[items.length - 1].seq : undefined };
  }

  update(id: string, mutate: (current: Stored<T>) => T, outer?: TxHandle): Promise<Stored<T>> {
    return inTransaction(this.db, outer, async (tx) => {
      const current = await this.lock(tx, id);
      const next = mutate(current);
      const rows = await rowsOf<Row>(
        tx,
        `UPDATE ${this.table} SET doc = $2::jsonb, revision = revision + 1, updated_at = now() WHERE id = $1 RETURNING seq, doc, revision`,
        [id, JSON.stringify(next)],
      );
      return toStored<T>(rows[0]);
    });
  }

  delete(id: string, check: (current: Stored<T>) => void, outer?: TxHandle): Promise<void> {
    return inTransaction(this.db, outer, async (tx) => {
      check(await this.lock(tx, id));
      await tx.query(`DELETE FROM ${this.table} WHERE id = $1`, [id]);
    });
  }

  private async lock(tx: EntityManager, id: string): Promise<Stored<T>> {
    const params: unknown[] = [id];
    const rows: Row[] = isUuid(id) ? await tx.query(`SELECT seq, doc, revision FROM ${this.table} WHERE id = $1${this.scoped(params)} FOR UPDATE`, params) : [];
    if (!rows[0]) throw new NfvoError('NOT_FOUND', `No ${this.label} with id ${id.slice(0, 64)}`);
    return toStored<T>(rows[0]);
  }
}

const toStored = <T>(r: Row): Stored<T> => ({ doc: r.doc as T, revision: Number(r.revision), seq: String(r.seq) });
