/** One regular file written by unpackZip, with the digests computed while it streamed to disk. */
export interface UnpackedEntry {
  /** Canonical relative path inside the package (`/`-separated, no leading or trailing slash). */
  path: string;
  size: number;
  md5: string;
  sha256: string;
  sha512: string;
}

export interface UnpackResult {
  root: string;
  /** Regular files, in archive order. */
  entries: UnpackedEntry[];
  /** Explicit directory entries, in archive order. */
  directories: string[];
  totalBytes: number;
}
