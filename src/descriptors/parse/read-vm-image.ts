import type { VmImage } from '../model';
import { pointerJoin } from '../model';
import { compact } from './compact';
import { report, type Obj, type ReadContext } from './read-context';
import { readEnum, readString } from './read-fields';

type Format = NonNullable<VmImage['format']>;
const DEPLOYABLE: readonly Format[] = ['qcow2', 'raw', 'vmdk', 'vdi', 'iso', 'vhd', 'ami', 'docker'];
// Formats the upstream schemas allow (SONATA: ova, ovf, bare; Pishahang v2: ari, aki) that Glance
// cannot boot as a server disk here.
const UPSTREAM_ONLY = ['ova', 'ovf', 'bare', 'ari', 'aki'];

/** `http://host/path/img.qcow2` registers in Glance under its file name, `img.qcow2`. */
function imageFrom(location: string): { name: string; url?: string } {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return { name: location };
  const segments = location.replace(/[?#].*$/, '').split('/').filter(Boolean);
  return { name: segments[segments.length - 1] ?? location, url: location };
}

/**
 * `vm_image`, `vm_image_format`, `vm_image_md5`. The image is optional in SONATA's schema; its
 * absence is the integrity rule's to report (integrity.missing-image), so it reads as an empty name.
 */
export function readVmImage(ctx: ReadContext, vdu: Obj): VmImage {
  const location = readString(ctx, vdu, 'vm_image') ?? '';
  const written = readEnum(ctx, vdu, 'vm_image_format', [...DEPLOYABLE, ...UPSTREAM_ONLY]);
  let format: Format | undefined;
  if (written !== undefined && (DEPLOYABLE as readonly string[]).includes(written)) format = written as Format;
  else if (written !== undefined) report(ctx, 'syntax.unsupported-feature', pointerJoin(vdu.ptr, 'vm_image_format'), `Image format "${written}" cannot be booted by this orchestrator; convert the image to qcow2 or raw`);
  const md5 = readString(ctx, vdu, 'vm_image_md5', { pattern: /^[A-Fa-f0-9]{32}$/, form: 'an MD5 digest of 32 hexadecimal digits' });
  return compact({ ...imageFrom(location), format, checksum: md5 === undefined ? undefined : { algorithm: 'md5' as const, hash: md5 } });
}
