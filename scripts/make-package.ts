import { makePackage, type MakePackageOptions } from './make-package/build-package';
import type { PackageFormat } from '../src/packages/archive/package-manifest';

const USAGE = `usage: npm run make-package -- <dir> <out> [--keep-manifest] [--format son|tgo|csar] [--entry <file>]

Zips a package directory into a SONATA .son, 5GTANGO .tgo or SOL004 CSAR, recomputing the checksums
in its manifest(s) from the actual files (files a manifest lists but the directory lacks are dropped
from it). --keep-manifest packs the manifests unchanged, to build deliberately broken packages.
--format csar on a directory of plain YAML descriptors writes TOSCA-Metadata/TOSCA.meta and a SHA-256 .mf.`;

/** CLI of makePackage (scripts/make-package/build-package.ts); exit 2 on usage errors, 1 on failure. */
async function main(argv: string[]): Promise<number> {
  const positional: string[] = [];
  const opts: MakePackageOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--keep-manifest') opts.keepManifest = true;
    else if (arg === '--format' && /^(son|tgo|csar)$/.test(argv[i + 1] ?? '')) opts.format = argv[++i] as PackageFormat;
    else if (arg === '--entry' && argv[i + 1]) opts.entry = argv[++i];
    else if (arg === '-h' || arg === '--help') return usage(0);
    else if (arg.startsWith('-')) return usage(2, `unknown or incomplete option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) return usage(2);
  const result = await makePackage(positional[0]!, positional[1]!, opts);
  console.log(`wrote ${result.out}: ${result.format}, ${result.entries} entries, ${result.bytes} bytes`);
  if (result.rewritten.length) console.log(`checksums recomputed in: ${result.rewritten.join(', ')}`);
  for (const d of result.dropped) console.warn(`warning: ${d.manifest} listed "${d.path}", which the directory lacks; removed from the manifest`);
  return 0;
}

function usage(code: number, problem?: string): number {
  if (problem) console.error(problem);
  (code === 0 ? console.log : console.error)(USAGE);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(`make-package: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
