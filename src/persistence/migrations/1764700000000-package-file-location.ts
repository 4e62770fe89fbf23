import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An artifact may be an entry of its package's blob rather than a blob of its own: where its data lies in
 * the ZIP (offset, compressed size, stored or deflate). All three are set, or none.
 */
export class PackageFileLocation1764700000000 implements MigrationInterface {
  name = 'PackageFileLocation1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE package_file
      ADD COLUMN data_offset bigint CHECK (data_offset >= 0),
      ADD COLUMN compressed_size bigint CHECK (compressed_size >= 0),
      ADD COLUMN compression text CHECK (compression IN ('stored', 'deflate')),
      ADD CONSTRAINT package_file_location_whole CHECK ((data_offset IS NULL) = (compressed_size IS NULL) AND (data_offset IS NULL) = (compression IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE package_file DROP CONSTRAINT package_file_location_whole, DROP COLUMN data_offset, DROP COLUMN compressed_size, DROP COLUMN compression`);
  }
}
