import type { Readable } from 'node:stream';
import type { TxHandle } from '../../shared/unit-of-work';

export interface BlobInfo {
  blobId: string;
  size: number;
  sha256: string;
}

/** Byte content of any size (packages, artifacts), streamed in and out, never held whole in memory. */
export interface BlobStore {
  /**
   * Streams `source` into a new blob; more than `maxBytes` fails with PAYLOAD_TOO_LARGE and keeps nothing.
   * Each piece is used (copied, hashed) before the next is asked for, so a source may reuse its buffer.
   */
  put(source: AsyncIterable<Uint8Array>, opts: { maxBytes: number; tx?: TxHandle }): Promise<BlobInfo>;
  /** Streams a blob, or the inclusive byte range of it. */
  open(blobId: string, range?: { start: number; end: number }): Readable;
  /**
   * Streams a whole blob as fast as the consumer takes it, holding one database connection until the end:
   * for a consumer that keeps up (a working file), never for a remote client, whose pace would pin it.
   */
  openWhole(blobId: string): Readable;
  delete(blobIds: string[], tx?: TxHandle): Promise<void>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');
