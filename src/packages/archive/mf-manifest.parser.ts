import { linesOf, parseKeyValue, type KeyValueLine } from './key-value-line';
import { PackageError } from './package-error';

export interface MfSourceBlock {
  source: KeyValueLine;
  algorithm?: KeyValueLine;
  hash?: KeyValueLine;
}

export interface MfManifest {
  metadata: KeyValueLine[];
  sources: MfSourceBlock[];
  /** A CMS signature block (SOL004 clause 5) or per-artifact Signature/Certificate lines (cl. 4.3.6) were present. */
  signed: boolean;
  /** Well-formed lines that break the manifest's rules; reported as problems, not thrown. */
  issues: Array<{ line: number; message: string }>;
}

/**
 * Parses a SOL004 cl. 4.3.2 / SOL007 manifest (.mf): a metadata section (optionally headed `metadata:`),
 * then one block per file: `Source:`, `Algorithm:`, `Hash:` (SOL004 V2.6.1+ allows per-artifact
 * `Signature:`/`Certificate:` too, cl. 4.3.6). The `non_mano_artifact_sets:` section (cl. 4.3.7, indented) only groups files
 * already listed, and a `-----BEGIN CMS-----` block is the package signature: both are skipped.
 */
export function parseMfManifest(text: string, file: string): MfManifest {
  const out: MfManifest = { metadata: [], sources: [], signed: false, issues: [] };
  const lines = linesOf(text);
  let current: MfSourceBlock | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (trimmed === '-----BEGIN CMS-----') {
      i = endOfCms(lines, i, file);
      out.signed = true;
      continue;
    }
    if (trimmed === '') {
      current = undefined;
      continue;
    }
    const kv = parseKeyValue(raw, i + 1, file);
    const key = kv.key.toLowerCase();
    if (key === 'non_mano_artifact_sets' && kv.value === '') {
      while (i + 1 < lines.length && /^([ \t]|$)/.test(lines[i + 1]!)) i++;
      current = undefined;
    } else if (key === 'source') {
      out.sources.push((current = { source: kv }));
    } else if (key === 'signature' || key === 'certificate') {
      out.signed = true;
    } else if (key === 'algorithm' || key === 'hash') {
      addToBlock(current, key, kv, out.issues);
    } else if (out.sources.length) {
      out.issues.push({ line: kv.line, message: `unexpected "${kv.key}:" after the file blocks began` });
    } else if (!(key === 'metadata' && kv.value === '' && out.metadata.length === 0)) {
      out.metadata.push(kv);
    }
  }
  return out;
}

function addToBlock(block: MfSourceBlock | undefined, slot: 'algorithm' | 'hash', kv: KeyValueLine, issues: MfManifest['issues']): void {
  if (!block) issues.push({ line: kv.line, message: `"${kv.key}:" appears outside a "Source:" block` });
  else if (block[slot]) issues.push({ line: kv.line, message: `second "${kv.key}:" for Source "${block.source.value}" (line ${block.source.line})` });
  else block[slot] = kv;
}

function endOfCms(lines: string[], start: number, file: string): number {
  for (let j = start + 1; j < lines.length; j++) if (lines[j]!.trim() === '-----END CMS-----') return j;
  throw new PackageError('package.manifest-syntax', `${file} line ${start + 1}: "-----BEGIN CMS-----" has no matching "-----END CMS-----".`, file, start + 1);
}
