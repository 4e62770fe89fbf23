/**
 * Where a file's bytes lie inside the ZIP it came from (APPNOTE 4.3.7: the data follows the local file
 * header), so a stored package can serve the file by a range read instead of keeping a second copy.
 */
export interface EntryLocation {
  /** Offset of the first data byte from the start of the archive. */
  dataOffset: number;
  compressedSize: number;
  compression: 'stored' | 'deflate';
}

/** One regular file written by unpackZip, with the digests computed while it streamed to disk. */
export interface UnpackedEntry {
  /** Canonical relative path inside the package (`/`-separated, no leading or trailing slash). */
  path: string;
  size: number;
  md5: string;
  sha256: string;
  sha512: string;
  location: EntryLocation;
}

export interface UnpackResult {
  root: string;
  /** Regular files, in archive order. */
  entries: UnpackedEntry[];
  /** Explicit directory entries, in archive order. */
  directories: string[];
  totalBytes: number;
}
