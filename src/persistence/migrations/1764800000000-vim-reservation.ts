import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What LCM operations in progress have placed but may not have created yet: one row per server their
 * plan adds, on its VIM, with the flavor's size. Placement reads the rows of other operations under one
 * advisory lock, so operations running at once (on any replica) never count the same free quota twice.
 * Rows go when their operation reaches a final state; a row whose step is DONE no longer counts (the
 * server is in the VIM's reported usage by then).
 */
export class VimReservation1764800000000 implements MigrationInterface {
  name = 'VimReservation1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE vim_reservation (
        ns_lcm_op_occ_id uuid NOT NULL REFERENCES ns_lcm_op_occ(id) ON DELETE CASCADE,
        step_id text NOT NULL,
        vim_id uuid NOT NULL REFERENCES vim(id) ON DELETE CASCADE,
        ns_instance_id uuid NOT NULL,
        vcpus integer NOT NULL CHECK (vcpus >= 0),
        memory_mib integer NOT NULL CHECK (memory_mib >= 0),
        instances integer NOT NULL CHECK (instances >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ns_lcm_op_occ_id, step_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE vim_reservation`);
  }
}
