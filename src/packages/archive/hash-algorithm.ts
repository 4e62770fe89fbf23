import type { HashAlgorithm } from './package-manifest';

/** Hex digest length per algorithm, so a truncated or padded hash is reported as malformed. */
export const HEX_LENGTH: Record<HashAlgorithm, number> = { md5: 32, sha256: 64, sha384: 96, sha512: 128 };

/**
 * Maps a manifest's algorithm name to ours. SOL004 cl. 4.3.2 (V2.6.1+) names SHA-256, SHA-384 and
 * SHA-512; 5GTANGO writes "SHA-256" the same way. Spelling without the dash is accepted too.
 */
export function parseHashAlgorithm(name: string): HashAlgorithm | undefined {
  const key = name.trim().toUpperCase().replace(/[-_]/g, '');
  if (key === 'SHA256') return 'sha256';
  if (key === 'SHA384') return 'sha384';
  if (key === 'SHA512') return 'sha512';
  if (key === 'MD5') return 'md5';
  return undefined;
}

/** Returns why `hash` cannot be a digest of `algorithm`, or undefined when it can. */
export function hashShapeError(algorithm: HashAlgorithm, hash: string): string | undefined {
  if (!/^[0-9a-fA-F]+$/.test(hash)) return `"${hash}" is not hexadecimal`;
  if (hash.length !== HEX_LENGTH[algorithm]) return `a ${algorithm} digest has ${HEX_LENGTH[algorithm]} hex digits, "${hash}" has ${hash.length}`;
  return undefined;
}

export const ALGORITHM_LABEL: Record<HashAlgorithm, string> = { md5: 'MD5', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };
