import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { FileDigests } from './file-digest';

export interface CsarLayout {
  /** Archive path -> source file in the directory, for every descriptor/artifact. */
  placed: Array<{ archivePath: string; source: string }>;
  toscaMeta: string;
  manifestPath: string;
  manifest: string;
}

/**
 * Lays a directory of descriptors out as an ETSI CSAR with TOSCA-Metadata (SOL004 cl. 4.1.2):
 * every file under Definitions/, TOSCA.meta naming the entry definitions and the manifest, and a root
 * manifest named like the entry file listing every file with SHA-256 (SOL004 cl. 4.3.2). An NSD entry
 * gets the SOL007 NSD manifest metadata keys, anything else SOL004 VNF package keys.
 */
export async function csarFromDescriptors(dir: string, files: string[], entry: string | undefined, digests: FileDigests, released: Date): Promise<CsarLayout> {
  const entryFile = entry ?? (await pickEntry(dir, files));
  if (!files.includes(entryFile)) throw new Error(`entry "${entryFile}" is not a file of ${dir}`);
  const placed = files.map((f) => ({ archivePath: `Definitions/${f}`, source: f }));
  const manifestPath = `${path.posix.basename(entryFile).replace(/\.[^.]*$/, '')}.mf`;
  const toscaMeta = [
    'TOSCA-Meta-File-Version: 1.0',
    'CSAR-Version: 1.1',
    'Created-By: nfvo make-package',
    `Entry-Definitions: Definitions/${entryFile}`,
    `ETSI-Entry-Manifest: ${manifestPath}`,
    '',
  ].join('\n');
  const d = descriptorOf(await readFile(path.join(dir, entryFile), 'utf8'));
  const when = released.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const metadata = d.isNsd
    ? [`nsd_designer: ${d.vendor}`, `nsd_invariant_id: ${d.vendor}.${d.name}`, `nsd_name: ${d.name}`, `nsd_file_structure_version: ${d.version}`, `nsd_release_date_time: ${when}`]
    : [`vnf_provider_id: ${d.vendor}`, `vnf_product_name: ${d.name}`, `vnf_release_date_time: ${when}`, `vnf_package_version: ${d.version}`];
  const blocks: string[] = [];
  for (const p of placed) blocks.push(`Source: ${p.archivePath}\nAlgorithm: SHA-256\nHash: ${await digests.of(p.source, 'sha256')}\n`);
  return { placed, toscaMeta, manifestPath, manifest: ['metadata:', ...metadata, '', blocks.join('\n')].join('\n') };
}

/** A SONATA/5GTANGO NSD (it has network_functions) if there is one, else the first YAML file. */
async function pickEntry(dir: string, files: string[]): Promise<string> {
  const yaml = files.filter((f) => /\.ya?ml$/i.test(f));
  for (const f of yaml) if (descriptorOf(await readFile(path.join(dir, f), 'utf8')).isNsd) return f;
  if (!yaml.length) throw new Error(`${dir} has no YAML descriptor to use as Entry-Definitions`);
  return yaml[0]!;
}

function descriptorOf(text: string): { isNsd: boolean; vendor: string; name: string; version: string } {
  let doc: Record<string, unknown> = {};
  try {
    const parsed: unknown = parse(text);
    if (parsed && typeof parsed === 'object') doc = parsed as Record<string, unknown>;
  } catch {
    // Not YAML we can read: the metadata falls back to "unknown"; the NFVO will report the descriptor.
  }
  const str = (k: string) => (typeof doc[k] === 'string' || typeof doc[k] === 'number' ? String(doc[k]) : 'unknown');
  // SONATA/5GTANGO NSDs list network_functions; Pishahang COSDs cloud_services; our own format says so.
  const isNsd = 'network_functions' in doc || 'cloud_services' in doc || doc.nfvo_descriptor === 'service' || doc.descriptor_type === 'service';
  return { isNsd, vendor: str('vendor'), name: str('name'), version: str('version') };
}
