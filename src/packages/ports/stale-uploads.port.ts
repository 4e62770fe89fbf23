/**
 * Uploads that will never finish (the process streaming them died): items left UPLOADING, and content
 * written only partly or never recorded (the process died between storing and recording it). Giving the
 * items back to CREATED lets the client upload again; no content that nothing refers to stays.
 */
export interface StaleUploads {
  /** Resets items UPLOADING for longer than `olderThanSeconds` and drops content that old that no package file refers to; returns the item ids reset. */
  recover(olderThanSeconds: number): Promise<string[]>;
}

export const STALE_UPLOADS = Symbol('STALE_UPLOADS');
