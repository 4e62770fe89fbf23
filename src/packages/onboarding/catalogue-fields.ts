import { keyToString, type FunctionDescriptor, type ServiceDescriptor } from '../../descriptors/model';
import type { NsdInfo } from '../nsd-info/nsd-info.model';
import type { VnfPackageSoftwareImageInfo, VnfPkgInfo } from '../vnf-pkg-info/vnf-pkg-info.model';

/**
 * How a joint-model descriptor fills the SOL005 information elements. A SONATA descriptor is identified
 * by vendor, name and version, so the NSD/VNFD identifier is `vendor:name:version` and the invariant
 * identifier (the same across versions) is `vendor:name`.
 */
export function nsdFields(s: ServiceDescriptor, vnfPkgIds: string[]): Partial<NsdInfo> {
  return {
    nsdId: keyToString(s.key),
    nsdName: s.key.name,
    nsdVersion: s.key.version,
    nsdDesigner: s.key.vendor,
    nsdInvariantId: `${s.key.vendor}:${s.key.name}`,
    ...(vnfPkgIds.length ? { vnfPkgIds } : {}),
  };
}

export function vnfPkgFields(f: FunctionDescriptor, createdAt: string): Partial<VnfPkgInfo> {
  const images: VnfPackageSoftwareImageInfo[] = f.units.flatMap((u) =>
    u.kind === 'vm'
      ? [{
          id: u.id,
          name: u.image.name,
          provider: f.key.vendor,
          version: f.key.version,
          checksum: u.image.checksum ? { algorithm: u.image.checksum.algorithm.toUpperCase().replace('SHA', 'SHA-'), hash: u.image.checksum.hash } : { algorithm: 'NONE', hash: '' },
          containerFormat: 'BARE',
          diskFormat: (u.image.format ?? 'qcow2').toUpperCase(),
          createdAt,
          minDisk: u.resources.storageGiB ?? 0,
          minRam: u.resources.memoryMiB,
          size: 0,
          ...(u.image.url ? { imagePath: u.image.url } : {}),
        }]
      : [{
          id: u.id,
          name: u.image,
          provider: f.key.vendor,
          version: f.key.version,
          checksum: { algorithm: 'NONE', hash: '' },
          containerFormat: 'DOCKER',
          diskFormat: 'RAW',
          createdAt,
          minDisk: 0,
          minRam: u.resources.memoryMiB ?? 0,
          size: 0,
        }],
  );
  return {
    vnfdId: keyToString(f.key),
    vnfProvider: f.key.vendor,
    vnfProductName: f.key.name,
    vnfSoftwareVersion: f.key.version,
    vnfdVersion: f.key.version,
    ...(images.length ? { softwareImages: images } : {}),
  };
}
