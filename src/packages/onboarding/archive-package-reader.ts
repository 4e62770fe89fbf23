import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Finding } from '../../descriptors/model';
import { importDescriptor, parseDescriptorText } from '../../descriptors/parse';
import { openPackage, saveUpload } from '../archive';
import type { PackageProblem } from '../archive/package-problem';
import type { PackageReader, ReadDescriptor, ReadFile, ReadPackage } from '../ports/package-reader.port';
import { reusedBufferReads } from '../archive/reused-buffer-reads';

/**
 * Reads uploaded content through a private working directory: the bytes stream to disk (a ZIP needs
 * random access), are unpacked under limits and checked against the manifest, and every descriptor
 * is parsed into the joint model. The directory is removed by `cleanup`, or at once on failure.
 */
export class ArchivePackageReader implements PackageReader {
  constructor(private readonly maxPackageBytes: number) {}

  async read(content: Readable, hint: { contentType?: string; fileName?: string }): Promise<ReadPackage> {
    const work = await mkdtemp(join(tmpdir(), 'nfvo-onboard-'));
    const cleanup = () => rm(work, { recursive: true, force: true });
    try {
      const upload = join(work, 'upload');
      await saveUpload(content, upload, this.maxPackageBytes);
      const opened = await openPackage({ file: upload, contentType: hint.contentType, fileName: hint.fileName }, join(work, 'unpacked'), {
        maxArchiveBytes: this.maxPackageBytes,
      });
      const descriptorPaths = new Set(opened.descriptorFiles.map((d) => d.path));
      const manifestPaths = new Set(opened.manifestFiles ?? []);
      const descriptors: ReadDescriptor[] = opened.descriptorFiles.map((d) => {
        const parsed = parseDescriptorText(d.path, d.text);
        const imported = importDescriptor(parsed);
        return { file: d.path, descriptor: imported.descriptor, findings: imported.findings, locate: parsed.locate };
      });
      const files: ReadFile[] = opened.entries.map((e) => ({
        path: e.path,
        role: descriptorPaths.has(e.path) ? 'descriptor' : manifestPaths.has(e.path) ? 'manifest' : 'artifact',
        size: e.size,
        checksum: { algorithm: 'SHA-256', hash: e.sha256 },
        location: e.location,
        open: () => reusedBufferReads(join(opened.root, e.path)),
      }));
      return { format: opened.format, files, descriptors, problems: opened.problems.map(toFinding), cleanup };
    } catch (err) {
      await cleanup();
      throw err;
    }
  }
}

/** A checksum or missing-entry problem points at the manifest line that made the claim. */
const toFinding = (p: PackageProblem): Finding => ({
  code: p.code,
  severity: p.severity,
  level: 'syntax',
  file: p.declaredIn ?? p.file ?? '',
  pointer: '',
  ...(p.line ? { line: p.line, column: 1 } : {}),
  message: p.declaredIn && p.file && !p.message.includes(p.file) ? `${p.file}: ${p.message}` : p.message,
});
