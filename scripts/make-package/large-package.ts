import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export interface LargePackage {
  bytes: number;
  imageBytes: number;
  imageMd5: string;
}

const IMAGE = 'images/large-image.qcow2';
const NSD = 'service_descriptors/large-ns.yml';
const VNFD = 'function_descriptors/large-vnf.yml';
const MiB = 1024 * 1024;

/**
 * Writes a valid SONATA .son of about `imageBytes` (default 200 MiB) for the onboarding memory benchmark:
 * an incompressible random "VM image" (stored, as real images gain nothing from deflate) plus an NSD and
 * a VNFD. Nothing is held in memory: the image is generated chunk by chunk and hashed on the way, and the
 * MANIFEST.MF goes in last, when its md5 is known (zip readers go by the central directory, not order).
 */
export async function writeLargeSonPackage(out: string, imageBytes = 200 * MiB): Promise<LargePackage> {
  const zip = new ZipFile();
  const mtime = new Date('2020-01-01T00:00:00Z');
  const md5 = createHash('md5');
  const image = Readable.from(
    (function* () {
      for (let left = imageBytes; left > 0; left -= MiB) {
        const chunk = randomBytes(Math.min(MiB, left));
        md5.update(chunk);
        yield chunk;
      }
    })(),
  );
  const nsd = Buffer.from(NSD_TEXT);
  const vnfd = Buffer.from(VNFD_TEXT);
  zip.addEmptyDirectory('META-INF', { mtime });
  zip.addBuffer(nsd, NSD, { mtime });
  zip.addBuffer(vnfd, VNFD, { mtime });
  zip.addReadStream(image, IMAGE, { mtime, compress: false, size: imageBytes });
  let imageMd5 = '';
  zip.addReadStreamLazy('META-INF/MANIFEST.MF', { mtime }, (cb) => {
    imageMd5 = md5.digest('hex');
    cb(null, Readable.from([Buffer.from(manifest(imageMd5, hex('md5', nsd), hex('md5', vnfd)))]));
  });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(out));
  return { bytes: (await stat(out)).size, imageBytes, imageMd5 };
}

const hex = (alg: string, b: Buffer) => createHash(alg).update(b).digest('hex');

const manifest = (image: string, nsd: string, vnfd: string) => `descriptor_version: "1.0"
vendor: "eu.nfvo.bench"
name: "large-package"
version: "1.0"
maintainer: "NFVO benchmark"
entry_service_template: "/${NSD}"
sealed: true
package_content:
  - name: "/${NSD}"
    content-type: "application/sonata.service_descriptor"
    md5: "${nsd}"
  - name: "/${VNFD}"
    content-type: "application/sonata.function_descriptor"
    md5: "${vnfd}"
  - name: "/${IMAGE}"
    content-type: "application/sonata.vm_image"
    md5: "${image}"
`;

const NSD_TEXT = `descriptor_version: "1.0"
vendor: "eu.nfvo.bench"
name: "large-ns"
version: "1.0"
network_functions:
  - vnf_id: "vnf_large"
    vnf_vendor: "eu.nfvo.bench"
    vnf_name: "large-vnf"
    vnf_version: "1.0"
`;

const VNFD_TEXT = `descriptor_version: "vnfd-schema-01"
vendor: "eu.nfvo.bench"
name: "large-vnf"
version: "1.0"
virtual_deployment_units:
  - id: "vdu01"
    vm_image: "${IMAGE}"
    vm_image_format: "qcow2"
    resource_requirements:
      cpu:
        vcpus: 1
      memory:
        size: 1
        size_unit: "GB"
      storage:
        size: 10
        size_unit: "GB"
`;
