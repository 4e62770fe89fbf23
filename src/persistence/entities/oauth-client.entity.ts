import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Clients created by the service itself (the embedded default's bootstrap admin). Secrets are scrypt hashes. */
@Entity({ name: 'oauth_client' })
export class OAuthClientEntity {
  @PrimaryColumn('text', { name: 'client_id' })
  clientId: string;

  @Column('text', { name: 'secret_hash' })
  secretHash: string;

  @Column('text', { array: true })
  scopes: string[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
