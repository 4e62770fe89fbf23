import type { DescriptorKey } from '../model';
import { compact } from './compact';
import type { Obj, ReadContext } from './read-context';
import { readString } from './read-fields';

// The identity patterns every SONATA-family schema uses for vendor, name and version.
export const VENDOR_OR_NAME = { pattern: /^[a-z0-9\-_.]+$/, form: 'lowercase letters, digits, "-", "_" and "." only (e.g. "eu.sonata-nfv")' };
export const VERSION = { pattern: /^[0-9\-_.]+$/, form: 'a version of digits, ".", "-" and "_" (e.g. "1.0")' };
/** Ids that appear in `id:cp` references cannot hold ':' (or spaces). */
export const REF_ID = { pattern: /^[^\s:]+$/, form: 'an id without spaces or ":" (references are written id:connection-point)' };

export interface Header {
  key: DescriptorKey;
  author?: string;
  description?: string;
}

/** vendor, name and version (the descriptor's key), author and description. */
export function readHeader(ctx: ReadContext, root: Obj): Header | undefined {
  const vendor = readString(ctx, root, 'vendor', { required: true, ...VENDOR_OR_NAME });
  const name = readString(ctx, root, 'name', { required: true, ...VENDOR_OR_NAME });
  const version = readString(ctx, root, 'version', { required: true, ...VERSION });
  const author = readString(ctx, root, 'author');
  const description = readString(ctx, root, 'description')?.trim();
  if (vendor === undefined || name === undefined || version === undefined) return undefined;
  return compact({ key: { vendor, name, version }, author, description });
}
