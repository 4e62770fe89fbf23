import path from 'node:path';
import type { PackageFormat } from '../../src/packages/archive/package-manifest';
import { csarFromDescriptors } from './csar-from-descriptors';
import { FileDigests } from './file-digest';
import { listPackageFiles, REFERENCE_NOTES } from './list-package-files';
import { rewriteManifests } from './rewrite-manifests';
import { sourceFormat } from './source-format';
import { orderItems } from './order-items';
import { writeZip, type ZipItem } from './write-zip';

export interface MakePackageOptions {
  /** Pack the manifests byte for byte as they are (to build deliberately broken packages). */
  keepManifest?: boolean;
  /** `csar` on a directory of plain descriptors builds a SOL004 CSAR; otherwise it must match the directory. */
  format?: PackageFormat;
  /** Entry definitions for `--format csar` (default: the NSD, else the first YAML). */
  entry?: string;
  /** Top-level names left out (default: the CONTENTS.txt/SOURCE.txt notes of ../shared/ref). */
  exclude?: string[];
  /** Timestamp of every entry (default 2020-01-01T00:00:00Z, so builds are reproducible). */
  mtime?: Date;
}

export interface MakePackageResult {
  out: string;
  format: PackageFormat;
  bytes: number;
  entries: number;
  /** Manifests whose digests were recomputed. */
  rewritten: string[];
  /** Files a manifest listed that the directory lacks, removed from that manifest. */
  dropped: Array<{ manifest: string; path: string }>;
}

const FIXED_MTIME = new Date('2020-01-01T00:00:00Z');

/** Zips a package directory into a .son/.tgo/.csar, rewriting its manifest digests from the real files. */
export async function makePackage(dir: string, out: string, opts: MakePackageOptions = {}): Promise<MakePackageResult> {
  const src = await listPackageFiles(dir, opts.exclude ?? REFERENCE_NOTES);
  const digests = new FileDigests(src.dir);
  const mtime = opts.mtime ?? FIXED_MTIME;
  const found = await sourceFormat(src, opts.keepManifest === true);
  if (!found && opts.format === 'csar') {
    const csar = await csarFromDescriptors(src.dir, src.files, opts.entry, digests, mtime);
    const items: ZipItem[] = [
      { kind: 'buffer', archivePath: 'TOSCA-Metadata/TOSCA.meta', buffer: Buffer.from(csar.toscaMeta) },
      { kind: 'buffer', archivePath: csar.manifestPath, buffer: Buffer.from(csar.manifest) },
      ...csar.placed.map((p): ZipItem => ({ kind: 'file', archivePath: p.archivePath, file: path.join(src.dir, p.source) })),
    ];
    const bytes = await writeZip(out, orderItems(items, ['TOSCA-Metadata/TOSCA.meta', csar.manifestPath]), mtime);
    return { out, format: 'csar', bytes, entries: items.length, rewritten: [], dropped: [] };
  }
  if (!found) throw new Error(`${dir}: no META-INF/MANIFEST.MF, TOSCA-Metadata/ or root .mf; pass --format csar to build a SOL004 CSAR from these descriptors`);
  if (opts.format && opts.format !== found.format) throw new Error(`${dir} holds a ${found.format} package, not ${opts.format}`);
  const rewrites = opts.keepManifest ? { buffers: new Map<string, Buffer>(), dropped: [] } : await rewriteManifests(src, found, digests);
  const items: ZipItem[] = src.files.map((f) => {
    const buffer = rewrites.buffers.get(f);
    return buffer ? { kind: 'buffer', archivePath: f, buffer } : { kind: 'file', archivePath: f, file: path.join(src.dir, f) };
  });
  items.push(...src.directories.map((d): ZipItem => ({ kind: 'directory', archivePath: d })));
  const bytes = await writeZip(out, orderItems(items, found.manifests), mtime);
  return { out, format: found.format, bytes, entries: items.length, rewritten: [...rewrites.buffers.keys()], dropped: rewrites.dropped };
}
