import type { EntryLocation } from '../archive/unpack-result';
import type { TxHandle } from '../../shared/unit-of-work';

export type OwnerType = 'nsd' | 'vnf_pkg';

/** A file of an onboarded package (or the package itself, role `package`, path ''). */
export interface PackageFile {
  path: string;
  role: 'package' | 'descriptor' | 'manifest' | 'artifact';
  contentType?: string;
  size: number;
  checksum?: { algorithm: string; hash: string };
  blobId: string;
  /**
   * Set when the file is not a blob of its own but an entry of the package blob `blobId`, read by range
   * (and inflated when deflated): an artifact is never stored twice.
   */
  location?: EntryLocation;
}

export interface PackageFileStore {
  add(owner: OwnerType, ownerId: string, file: PackageFile, tx: TxHandle): Promise<void>;
  list(owner: OwnerType, ownerId: string): Promise<PackageFile[]>;
  get(owner: OwnerType, ownerId: string, path: string): Promise<PackageFile | undefined>;
  /** Removes every file of the owner and their blobs. */
  removeAll(owner: OwnerType, ownerId: string, tx: TxHandle): Promise<void>;
}

export const PACKAGE_FILE_STORE = Symbol('PACKAGE_FILE_STORE');
