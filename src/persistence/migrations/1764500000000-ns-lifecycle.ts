import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * NS instances (with `deployment`: the plan and step outputs of what runs, kept out of the API document),
 * their LCM operation occurrences (with their plan and the lease of the worker running them) and the
 * journal of each occurrence's plan steps.
 * Columns the database must reason about are generated from the document, so the document stays the
 * single source of truth: an NS instance refers to its NSD (which cannot be deleted under it), and a
 * partial unique index lets at most one occurrence per NS instance be non-final (SOL005: no second LCM
 * operation on an NS instance while one runs), whichever replica accepts it.
 */
export class NsLifecycle1764500000000 implements MigrationInterface {
  name = 'NsLifecycle1764500000000';

  async up(q: QueryRunner): Promise<void> {
    const documentColumns = `id uuid PRIMARY KEY, seq bigserial NOT NULL UNIQUE, doc jsonb NOT NULL, revision integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now()`;
    await q.query(`CREATE TABLE ns_instance (${documentColumns},
        nsd_info_id uuid GENERATED ALWAYS AS ((doc->>'nsdInfoId')::uuid) STORED NOT NULL REFERENCES nsd_info(id),
        deployment jsonb)`);
    await q.query(`CREATE INDEX ns_instance_nsd ON ns_instance (nsd_info_id)`);
    await q.query(`CREATE INDEX ns_instance_doc_gin ON ns_instance USING gin (doc jsonb_path_ops)`);
    // Occurrences outlive their NS instance (the history of what was done), so no foreign key to it.
    await q.query(`CREATE TABLE ns_lcm_op_occ (${documentColumns},
        ns_instance_id uuid GENERATED ALWAYS AS ((doc->>'nsInstanceId')::uuid) STORED NOT NULL,
        operation_state text GENERATED ALWAYS AS (doc->>'operationState') STORED NOT NULL,
        plan jsonb,
        lease_owner text,
        lease_until timestamptz)`);
    await q.query(`CREATE UNIQUE INDEX ns_lcm_op_occ_one_active ON ns_lcm_op_occ (ns_instance_id) WHERE operation_state IN ('PROCESSING', 'FAILED_TEMP', 'ROLLING_BACK')`);
    await q.query(`CREATE INDEX ns_lcm_op_occ_doc_gin ON ns_lcm_op_occ USING gin (doc jsonb_path_ops)`);
    await q.query(`CREATE INDEX ns_lcm_op_occ_lease ON ns_lcm_op_occ (lease_until) WHERE operation_state IN ('PROCESSING', 'ROLLING_BACK')`);
    await q.query(`CREATE TABLE lcm_step (
        op_occ_id uuid NOT NULL REFERENCES ns_lcm_op_occ(id) ON DELETE CASCADE,
        step_id text NOT NULL,
        state text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        started_at timestamptz,
        ended_at timestamptz,
        error jsonb,
        output jsonb,
        PRIMARY KEY (op_occ_id, step_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['lcm_step', 'ns_lcm_op_occ', 'ns_instance']) await q.query(`DROP TABLE ${t}`);
  }
}
