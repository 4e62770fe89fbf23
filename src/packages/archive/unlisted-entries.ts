import type { PackageManifest } from './package-manifest';
import { problem, type PackageProblem } from './package-problem';
import type { UnpackedEntry } from './unpack-result';

/**
 * Files in the archive that no manifest lists. They are WARNINGS, not errors: SONATA packages routinely
 * carry a README and macOS tools add .DS_Store (the 5GTANGO examples have some), and nothing unlisted is
 * ever parsed as a descriptor, so no unverified content reaches the catalogue as a descriptor. The
 * warning still tells the operator which bytes no checksum protects. Manifest files are exempt.
 */
export function unlistedEntries(manifest: PackageManifest, entries: readonly UnpackedEntry[]): PackageProblem[] {
  const listed = new Set([...manifest.files.map((f) => f.path), ...manifest.manifestFiles]);
  return entries
    .filter((e) => !listed.has(e.path))
    .map((e) =>
      problem({
        code: 'package.unlisted-entry',
        severity: 'warning',
        file: e.path,
        message: `"${e.path}" is in the package but no manifest lists it, so no checksum protects it.`,
      }),
    );
}
