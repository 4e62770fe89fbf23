import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { isUuid } from '../shared/uuid';
import type { Database } from './database';
import { copyBinaryFields } from './copy-binary-fields';

/**
 * A whole blob in ONE binary COPY on a connection of its own: raw bytes straight from the socket, with
 * none of the hex text (twice the size) and per-piece round trips of SELECTs, and with backpressure (the
 * socket is read only as fast as the consumer takes data). The connection is held until the end, so
 * this is for consumers that keep up (a working file), never for a remote client's download.
 */
export async function* copyBlobOut(db: Database, blobId: string): AsyncGenerator<Buffer> {
  // COPY takes no bind parameters: the id is inlined, so it must be exactly a UUID.
  if (!isUuid(blobId)) throw new Error(`not a blob id: ${blobId.slice(0, 40)}`);
  const driver = db.dataSource.driver as PostgresDriver;
  const [client, release] = (await driver.obtainMasterConnection()) as [PoolClient, (err?: unknown) => void];
  let finished = false;
  try {
    const copy = client.query(copyTo(`COPY (SELECT data FROM blob_chunk WHERE blob_id = '${blobId}' ORDER BY n) TO STDOUT (FORMAT binary)`));
    yield* copyBinaryFields(copy);
    finished = true;
  } finally {
    // Stopped mid-COPY (the consumer gave up, or it failed): the connection is in no state to reuse.
    release(finished ? undefined : new Error('blob copy not finished'));
  }
}
