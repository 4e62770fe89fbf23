import { randomUUID } from 'node:crypto';
import type { Vim } from '../../src/infra/infra.model';
import type { NsInstance } from '../../src/lifecycle/domain/ns-instance.model';
import type { NsLcmOpOcc } from '../../src/lifecycle/domain/ns-lcm-op-occ.model';
import type { OperationState } from '../../src/lifecycle/domain/op-state.machine';
import type { Database } from '../../src/persistence/database';
import { DatabaseInfraRepository } from '../../src/persistence/infra.repository';

/**
 * Rows the lifecycle's stores refer to, written directly (no onboarding, no API): for medium specs of
 * stores and use cases on the real database.
 */
export async function seedOpenStackVim(db: Database, name: string, capacity?: Vim['capacity']): Promise<{ infra: DatabaseInfraRepository; vim: Vim; siteName: string }> {
  const infra = new DatabaseInfraRepository(db);
  const site = { id: randomUUID(), name: `${name}-site` };
  await infra.create('site', site);
  const vim: Vim = { id: randomUUID(), siteId: site.id, name, vimType: 'openstack', endpoint: 'http://127.0.0.1:1/identity/v3', authType: 'password', ...(capacity ? { capacity } : {}) };
  await infra.create('vim', vim);
  return { infra, vim, siteName: site.name };
}

/** An NS instance of its own (one operation per NS instance may be non-final) and an occurrence on it, leased by `owner`. */
export async function seedOccurrence(db: Database, o: { state?: OperationState; type?: NsLcmOpOcc['lcmOperationType']; owner?: string } = {}): Promise<{ ns: NsInstance; occ: NsLcmOpOcc }> {
  const nsdInfoId = randomUUID();
  await db.dataSource.query(`INSERT INTO nsd_info (id, doc) VALUES ($1, '{}'::jsonb)`, [nsdInfoId]);
  const ns = { id: randomUUID(), nsdId: 'eu.example.nfvo:three-vnf:1.0', nsdInfoId, nsInstanceName: 'ns', nsInstanceDescription: '', nsState: 'NOT_INSTANTIATED' } as NsInstance;
  await db.dataSource.query(`INSERT INTO ns_instance (id, doc) VALUES ($1, $2::jsonb)`, [ns.id, JSON.stringify(ns)]);
  const now = new Date().toISOString();
  const occ: NsLcmOpOcc = { id: randomUUID(), operationState: o.state ?? 'PROCESSING', statusEnteredTime: now, nsInstanceId: ns.id, lcmOperationType: o.type ?? 'INSTANTIATE', startTime: now, isAutomaticInvocation: false, isCancelPending: false };
  await db.dataSource.query(`INSERT INTO ns_lcm_op_occ (id, doc, lease_owner) VALUES ($1, $2::jsonb, $3)`, [occ.id, JSON.stringify(occ), o.owner ?? null]);
  return { ns, occ };
}
