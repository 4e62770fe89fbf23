import type { Readable } from 'node:stream';
import type { Descriptor, Finding } from '../../descriptors/model';
import type { EntryLocation } from '../archive/unpack-result';

export interface ReadFile {
  path: string;
  role: 'descriptor' | 'manifest' | 'artifact';
  size: number;
  contentType?: string;
  checksum?: { algorithm: string; hash: string };
  /** Where the file lies in the content that was read (absent when it was not read from a ZIP entry). */
  location?: EntryLocation;
  /**
   * The file's bytes (from the reader's working copy), to store them. Pieces may share one buffer: use
   * each before asking for the next.
   */
  open(): AsyncIterable<Uint8Array>;
}

export interface ReadDescriptor {
  file: string;
  descriptor?: Descriptor;
  findings: Finding[];
  /** 1-based line/column of a JSON pointer in this file, for findings raised later. */
  locate(pointer: string): { line: number; column: number } | undefined;
}

/** A package opened, checked against its manifest, and its descriptors parsed into the joint model. */
export interface ReadPackage {
  format: 'son' | 'tgo' | 'csar' | 'yaml';
  files: ReadFile[];
  descriptors: ReadDescriptor[];
  /** Package-level problems (checksums, structure), as findings with code `package.*`. */
  problems: Finding[];
  cleanup(): Promise<void>;
}

/**
 * Reads uploaded content. Hostile or broken archives (zip bombs, traversal, corruption) come back as
 * a rejected promise whose error carries a `package.*` code; the caller turns it into an ERROR report.
 */
export interface PackageReader {
  read(content: Readable, hint: { contentType?: string; fileName?: string }): Promise<ReadPackage>;
}

export const PACKAGE_READER = Symbol('PACKAGE_READER');
