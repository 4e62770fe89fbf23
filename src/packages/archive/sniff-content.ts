import { open } from 'node:fs/promises';

export type ContentKind = 'empty' | 'zip' | 'text' | 'binary';

const HEAD_BYTES = 8192;
/** Local file header, end of central directory (an empty archive), spanning marker (APPNOTE 4.3.7, 4.3.16, 8.5.3). */
const ZIP_MAGICS = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1'), Buffer.from('PK\x07\x08', 'latin1')];

/**
 * Classifies an upload by its first bytes, never by its name: a zip starts with a zip signature; a
 * descriptor is UTF-8 text without NUL bytes. Reads at most 8 KiB.
 */
export async function sniffContent(file: string): Promise<{ kind: ContentKind; size: number }> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    if (size === 0) return { kind: 'empty', size };
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await fh.read(head, 0, head.length, 0);
    if (ZIP_MAGICS.some((m) => head.subarray(0, 4).equals(m))) return { kind: 'zip', size };
    return { kind: isText(head) ? 'text' : 'binary', size };
  } finally {
    await fh.close();
  }
}

function isText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Content types that announce a single descriptor document (SOL005 allows text/plain for YAML). */
export const DESCRIPTOR_CONTENT_TYPES = ['text/plain', 'application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'application/json'];
export const ZIP_CONTENT_TYPES = ['application/zip', 'application/x-zip-compressed'];

export const mediaTypeOf = (contentType: string | undefined): string => (contentType ?? '').split(';')[0]!.trim().toLowerCase();
