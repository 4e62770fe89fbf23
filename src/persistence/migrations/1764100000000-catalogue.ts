import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue: VNF package info resources, package content and artifacts kept in the database
 * (chunked, so any replica can serve or process them and a failed onboarding rolls back with its
 * transaction), the parsed joint-model descriptors, and the domain events the notification outbox reads.
 */
export class Catalogue1764100000000 implements MigrationInterface {
  name = 'Catalogue1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE vnf_pkg_info (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL UNIQUE,
      doc jsonb NOT NULL,
      revision integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // fastupdate off: catalogue rows change rarely, and a GIN pending list makes the planner skip the
    // index until autovacuum merges it (measured by the nsd-list benchmark: a seq scan right after a bulk load).
    await q.query(`CREATE INDEX vnf_pkg_info_doc_gin ON vnf_pkg_info USING gin (doc jsonb_path_ops) WITH (fastupdate = off)`);
    await q.query(`ALTER INDEX nsd_info_doc_gin SET (fastupdate = off)`);
    await q.query(`SELECT gin_clean_pending_list('nsd_info_doc_gin'::regclass)`);

    // Content of any size, 1 MiB per row: streamed in and out, never held whole in memory.
    await q.query(`CREATE TABLE blob (
      id uuid PRIMARY KEY,
      size bigint NOT NULL DEFAULT 0,
      sha256 text,
      complete boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE blob_chunk (
      blob_id uuid NOT NULL REFERENCES blob(id) ON DELETE CASCADE,
      n integer NOT NULL,
      data bytea NOT NULL,
      PRIMARY KEY (blob_id, n)
    )`);

    // The package as uploaded, and every file in it, per owning info resource.
    await q.query(`CREATE TABLE package_file (
      owner_type text NOT NULL CHECK (owner_type IN ('nsd', 'vnf_pkg')),
      owner_id uuid NOT NULL,
      path text NOT NULL,
      role text NOT NULL CHECK (role IN ('package', 'descriptor', 'manifest', 'artifact')),
      content_type text,
      size bigint NOT NULL,
      checksum jsonb,
      blob_id uuid NOT NULL REFERENCES blob(id),
      PRIMARY KEY (owner_type, owner_id, path)
    )`);
    await q.query(`CREATE INDEX package_file_blob ON package_file (blob_id)`);

    // Parsed descriptors in the joint model; a function key is onboarded at most once.
    await q.query(`CREATE TABLE descriptor (
      id uuid PRIMARY KEY,
      owner_type text NOT NULL CHECK (owner_type IN ('nsd', 'vnf_pkg')),
      owner_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('service', 'function')),
      vendor text NOT NULL,
      name text NOT NULL,
      version text NOT NULL,
      model jsonb NOT NULL
    )`);
    await q.query(`CREATE INDEX descriptor_owner ON descriptor (owner_type, owner_id)`);
    await q.query(`CREATE UNIQUE INDEX descriptor_function_key ON descriptor (vendor, name, version) WHERE kind = 'function'`);
    await q.query(`CREATE UNIQUE INDEX descriptor_service_key ON descriptor (vendor, name, version) WHERE kind = 'service'`);

    // Domain events, written in the transaction of the change they report (the notification outbox's source).
    await q.query(`CREATE TABLE domain_event (
      id bigserial PRIMARY KEY,
      type text NOT NULL,
      subject_type text NOT NULL,
      subject_id uuid NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX domain_event_subject ON domain_event (subject_type, subject_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['domain_event', 'descriptor', 'package_file', 'blob_chunk', 'blob', 'vnf_pkg_info']) await q.query(`DROP TABLE ${t}`);
  }
}
