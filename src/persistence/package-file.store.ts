import type { OwnerType, PackageFile, PackageFileStore } from '../packages/ports/package-file-store.port';
import type { TxHandle } from '../shared/unit-of-work';
import type { Database } from './database';
import { managerOf, rowsOf } from './transactions';

interface Row {
  path: string;
  role: PackageFile['role'];
  content_type: string | null;
  size: string;
  checksum: PackageFile['checksum'] | null;
  blob_id: string;
  data_offset: string | null;
  compressed_size: string | null;
  compression: 'stored' | 'deflate' | null;
}

const toFile = (r: Row): PackageFile => ({
  path: r.path,
  role: r.role,
  ...(r.content_type ? { contentType: r.content_type } : {}),
  size: Number(r.size),
  ...(r.checksum ? { checksum: r.checksum } : {}),
  blobId: r.blob_id,
  // The table's check keeps the three location columns all set or all null.
  ...(r.compression ? { location: { dataOffset: Number(r.data_offset), compressedSize: Number(r.compressed_size), compression: r.compression } } : {}),
});

export class DatabasePackageFileStore implements PackageFileStore {
  constructor(private readonly db: Database) {}

  async add(owner: OwnerType, ownerId: string, f: PackageFile, tx: TxHandle): Promise<void> {
    await managerOf(tx).query(
      `INSERT INTO package_file (owner_type, owner_id, path, role, content_type, size, checksum, blob_id, data_offset, compressed_size, compression)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [owner, ownerId, f.path, f.role, f.contentType ?? null, f.size, f.checksum ? JSON.stringify(f.checksum) : null, f.blobId, f.location?.dataOffset ?? null, f.location?.compressedSize ?? null, f.location?.compression ?? null],
    );
  }

  async list(owner: OwnerType, ownerId: string): Promise<PackageFile[]> {
    const rows: Row[] = await this.db.dataSource.query(`SELECT * FROM package_file WHERE owner_type = $1 AND owner_id = $2 ORDER BY path`, [owner, ownerId]);
    return rows.map(toFile);
  }

  async get(owner: OwnerType, ownerId: string, path: string): Promise<PackageFile | undefined> {
    const rows: Row[] = await this.db.dataSource.query(`SELECT * FROM package_file WHERE owner_type = $1 AND owner_id = $2 AND path = $3`, [owner, ownerId, path]);
    return rows[0] ? toFile(rows[0]) : undefined;
  }

  async removeAll(owner: OwnerType, ownerId: string, tx: TxHandle): Promise<void> {
    const m = managerOf(tx);
    const rows = await rowsOf<{ blob_id: string }>(m, `DELETE FROM package_file WHERE owner_type = $1 AND owner_id = $2 RETURNING blob_id`, [owner, ownerId]);
    const blobs = [...new Set(rows.map((r) => r.blob_id))];
    // A blob may be shared by several files (an NSD package and the VNF packages made from it).
    if (blobs.length) await m.query(`DELETE FROM blob WHERE id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM package_file f WHERE f.blob_id = blob.id)`, [blobs]);
  }
}
