import { randomUUID } from 'node:crypto';
import type { DescriptorKey, FunctionDescriptor, ServiceDescriptor } from '../descriptors/model';
import type { DescriptorStore, StoredFunction } from '../packages/ports/descriptor-store.port';
import type { OwnerType } from '../packages/ports/package-file-store.port';
import type { TxHandle } from '../shared/unit-of-work';
import type { Database } from './database';
import { managerOf } from './transactions';

const keyParams = (keys: DescriptorKey[]) => [keys.map((k) => k.vendor), keys.map((k) => k.name), keys.map((k) => k.version)];
const KEYS_MATCH = `(d.vendor, d.name, d.version) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))`;

export class DatabaseDescriptorStore implements DescriptorStore {
  constructor(private readonly db: Database) {}

  async add(owner: OwnerType, ownerId: string, d: ServiceDescriptor | FunctionDescriptor, tx: TxHandle): Promise<void> {
    await managerOf(tx).query(
      `INSERT INTO descriptor (id, owner_type, owner_id, kind, vendor, name, version, model) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
      [randomUUID(), owner, ownerId, d.kind, d.key.vendor, d.key.name, d.key.version, JSON.stringify(d)],
    );
  }

  async onboardedFunctions(keys: DescriptorKey[]): Promise<StoredFunction[]> {
    if (!keys.length) return [];
    const rows: Array<{ owner_id: string; model: FunctionDescriptor }> = await this.db.dataSource.query(
      `SELECT d.owner_id, d.model FROM descriptor d JOIN vnf_pkg_info p ON p.id = d.owner_id
        WHERE d.kind = 'function' AND d.owner_type = 'vnf_pkg' AND p.doc->>'onboardingState' = 'ONBOARDED' AND ${KEYS_MATCH}`,
      keyParams(keys),
    );
    return rows.map((r) => ({ vnfPkgId: r.owner_id, descriptor: r.model }));
  }

  async takenKeys(kind: 'service' | 'function', keys: DescriptorKey[]): Promise<Array<DescriptorKey & { ownerId: string }>> {
    if (!keys.length) return [];
    const rows: Array<{ vendor: string; name: string; version: string; owner_id: string }> = await this.db.dataSource.query(
      `SELECT d.vendor, d.name, d.version, d.owner_id FROM descriptor d WHERE d.kind = $4 AND ${KEYS_MATCH}`,
      [...keyParams(keys), kind],
    );
    return rows.map((r) => ({ vendor: r.vendor, name: r.name, version: r.version, ownerId: r.owner_id }));
  }

  async forOwner(owner: OwnerType, ownerId: string): Promise<Array<ServiceDescriptor | FunctionDescriptor>> {
    const rows: Array<{ model: ServiceDescriptor | FunctionDescriptor }> = await this.db.dataSource.query(
      `SELECT model FROM descriptor WHERE owner_type = $1 AND owner_id = $2 ORDER BY kind DESC, name`,
      [owner, ownerId],
    );
    return rows.map((r) => r.model);
  }

  async removeAll(owner: OwnerType, ownerId: string, tx: TxHandle): Promise<void> {
    await managerOf(tx).query(`DELETE FROM descriptor WHERE owner_type = $1 AND owner_id = $2`, [owner, ownerId]);
  }
}
