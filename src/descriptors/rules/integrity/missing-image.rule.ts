import type { FunctionDescriptor, VmImage, VmUnit } from '../../model';
import { keyText } from '../describe';
import { defineRule } from '../rule';
import type { Report, RuleContext } from '../rule';

const HASH_LENGTH: Record<string, number> = { md5: 32, sha256: 64, sha512: 128 };
const URL_SCHEMES = new Set(['http:', 'https:', 'ftp:', 'file:']);
// Docker reference: registry/path:tag@digest, no whitespace; a strict grammar would reject real
// registries' quirks, so this only catches what can never work.
const CONTAINER_IMAGE = /^[^\s:@/][^\s]*$/;

/** A URL image must be fetchable; a `file://` one must be an artifact of this very package. */
function checkLocation(image: VmImage, ctx: RuleContext, where: string, unit: VmUnit, report: Report): void {
  const location = image.url ?? (image.name.includes('://') ? image.name : undefined);
  if (location === undefined) return;
  if (!URL.canParse(location) || !URL_SCHEMES.has(new URL(location).protocol)) {
    return report(unit.source, `${where} has image location '${location}', which is not an http(s), ftp or file URL; fix the URL or give only the image name registered in the VIM`);
  }
  const url = new URL(location);
  if (url.protocol !== 'file:' || !ctx.packageFiles) return;
  const path = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  if (!ctx.packageFiles.has(path)) report(unit.source, `${where} loads its image from '${location}', but the package has no file '${path}'; add it to the package or reference an image registered in the VIM`);
}

function checkVm(fd: FunctionDescriptor, unit: VmUnit, ctx: RuleContext, report: Report): void {
  const where = `VM unit '${unit.id}' of ${keyText(fd.key)}`;
  const { image } = unit;
  if (!image?.name?.trim() && !image?.url?.trim()) return report(unit.source, `${where} has no image; set the image name registered in the VIM (Glance) or a URL to load it from`);
  checkLocation(image, ctx, where, unit, report);
  const sum = image.checksum;
  if (!sum) return;
  const length = HASH_LENGTH[sum.algorithm];
  if (length === undefined) return report(unit.source, `${where} has an image checksum with algorithm '${sum.algorithm}'; use md5, sha256 or sha512`);
  if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(sum.hash)) report(unit.source, `${where} has ${sum.algorithm} image checksum '${sum.hash}', which is not ${length} hexadecimal digits; copy the digest exactly`);
}

/** A unit without an image cannot be started; a malformed location or checksum fails at deploy time. */
export const missingImageRule = defineRule(
  { code: 'integrity.missing-image', level: 'integrity', severity: 'error', summary: 'A VM unit has no image name/URL, a container unit no image; or the image URL, `file://` artifact or checksum is malformed or missing from the package.' },
  (set, ctx, report) => {
    for (const fd of set.functions) {
      for (const unit of fd.units) {
        if (unit.kind === 'vm') checkVm(fd, unit, ctx, report);
        else if (!unit.image?.trim()) report(unit.source, `container unit '${unit.id}' of ${keyText(fd.key)} has no image; set the container image reference (e.g. registry/name:tag)`);
        else if (!CONTAINER_IMAGE.test(unit.image.trim())) report(unit.source, `container unit '${unit.id}' of ${keyText(fd.key)} has image '${unit.image}', which is not a container image reference; write it as registry/name:tag`);
      }
    }
  },
);
