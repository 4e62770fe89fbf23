import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import { AsyncMutex } from './async-mutex';

/** What node-postgres returns and TypeORM reads (`rows`, `rowCount`, `command`). */
export interface PgLikeResult {
  rows: unknown[];
  rowCount: number;
  command: string;
}

/**
 * A pg.Client look-alike that is only valid while its lease is held: TypeORM's query runners and
 * pg-boss both borrow "the" connection through {@link PGlitePool.connect}, so a transaction opened by one
 * borrower can never receive another borrower's statements (the single-connection pitfall of PGlite).
 */
export class PGliteLeasedConnection extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  async query(text: string, params?: unknown[]): Promise<PgLikeResult> {
    if (params && params.length > 0) {
      const r = await this.db.query(text, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length, command: commandOf(text) };
    }
    // Without parameters the text may hold several statements (migrations); exec returns one result each.
    const results = await this.db.exec(text);
    const last = results[results.length - 1];
    return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? last?.rows.length ?? 0, command: commandOf(text) };
  }
}

const commandOf = (sql: string) => (/^\s*(\w+)/.exec(sql)?.[1] ?? '').toUpperCase();

type ConnectCb = (err: Error | null, conn: PGliteLeasedConnection | null, release: (err?: unknown) => void) => void;

export class PGlitePool extends EventEmitter {
  private readonly mutex = new AsyncMutex();
  private ended = false;

  constructor(private readonly db: PGlite) {
    super();
  }

  /** Leases the connection; callers must release it (TypeORM and {@link withLease} do). */
  connect(cb?: ConnectCb): Promise<PGliteLeasedConnection> | void {
    const p = this.lease();
    if (!cb) return p.then((l) => l.conn);
    p.then((l) => cb(null, l.conn, l.release), (e) => cb(e as Error, null, () => undefined));
  }

  async lease(): Promise<{ conn: PGliteLeasedConnection; release: () => void }> {
    if (this.ended) throw new Error('the embedded database is closed');
    const unlock = await this.mutex.acquire();
    let done = false;
    const release = () => {
      if (!done) {
        done = true;
        unlock();
      }
    };
    return { conn: new PGliteLeasedConnection(this.db), release };
  }

  async withLease<T>(fn: (conn: PGliteLeasedConnection) => Promise<T>): Promise<T> {
    const { conn, release } = await this.lease();
    try {
      return await fn(conn);
    } finally {
      release();
    }
  }

  /** Pool-level query, as pg.Pool#query: one statement on a short lease. */
  query(text: string, params?: unknown[]): Promise<PgLikeResult> {
    return this.withLease((c) => c.query(text, params));
  }

  end(cb?: (err?: Error | null) => void): Promise<void> | void {
    // Closing PGlite is the owner's job (it may be shared with pg-boss); the pool only stops leasing.
    this.ended = true;
    if (cb) cb(null);
    else return Promise.resolve();
  }
}
