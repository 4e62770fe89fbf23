/**
 * Uploads that will never finish (the process streaming them died): items left UPLOADING and content
 * written only partly. Giving them back to CREATED lets the client upload again; nothing half-written stays.
 */
export interface StaleUploads {
  /** Resets items UPLOADING for longer than `olderThanSeconds` and drops incomplete content that old; returns the item ids reset. */
  recover(olderThanSeconds: number): Promise<string[]>;
}

export const STALE_UPLOADS = Symbol('STALE_UPLOADS');
