/**
 * Resource limits of opening one package. Every limit is checked against the ACTUAL bytes produced while
 * streaming; the zip headers are only used for an early, cheap refusal of honest-but-huge archives.
 */
export interface UnpackLimits {
  /** Size of the uploaded archive file itself. */
  maxArchiveBytes: number;
  /** Entries (files and directories) in the central directory. */
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together (what lands on disk). */
  maxTotalBytes: number;
  /** Uncompressed:compressed ratio of one entry; deflate peaks near 1032:1, real artifacts stay far below. */
  maxRatio: number;
  /** The ratio is only enforced once an entry has produced this many bytes, so tiny text files pass. */
  ratioFloorBytes: number;
  /** UTF-8 bytes of an entry name, and its number of `/`-separated segments. */
  maxPathLength: number;
  maxPathDepth: number;
  /** Manifest files (MANIFEST.MF, NAPD.yaml, TOSCA.meta, *.mf) are read into memory: keep them small. */
  maxManifestBytes: number;
  /** A descriptor read as text (single-YAML upload or a descriptor inside a package). */
  maxDescriptorBytes: number;
  /** YAML alias expansions allowed in a manifest (billion-laughs guard). */
  maxYamlAliases: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_UNPACK_LIMITS: Readonly<UnpackLimits> = Object.freeze({
  maxArchiveBytes: 1024 * MiB,
  maxEntries: 10_000,
  maxEntryBytes: 1024 * MiB,
  maxTotalBytes: 2048 * MiB,
  maxRatio: 100,
  ratioFloorBytes: 1 * MiB,
  maxPathLength: 512,
  maxPathDepth: 32,
  maxManifestBytes: 1 * MiB,
  maxDescriptorBytes: 8 * MiB,
  maxYamlAliases: 100,
});

export const resolveLimits = (overrides: Partial<UnpackLimits> = {}): UnpackLimits => ({ ...DEFAULT_UNPACK_LIMITS, ...overrides });

export const formatBytes = (n: number): string =>
  n >= MiB ? `${(n / MiB).toFixed(n % MiB === 0 ? 0 : 1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`;
