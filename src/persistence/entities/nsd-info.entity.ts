import { Column, CreateDateColumn, Entity, Generated, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One row per NsdInfo (SOL005 cl. 5.5.2.2). `doc` holds the resource's attributes in the 4.5.1 model
 * (without `_links`, which are derived): filters run over it (GIN jsonb_path_ops index), and the v1
 * mapper derives the 2.x shape from it. `seq` is the keyset for paging; `revision` feeds the ETag.
 */
@Entity({ name: 'nsd_info' })
export class NsdInfoEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('bigint', { unique: true })
  @Generated('increment')
  seq: string;

  @Column('jsonb')
  doc: Record<string, unknown>;

  @Column('integer', { default: 1 })
  revision: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
