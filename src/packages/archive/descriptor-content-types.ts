import type { DescriptorKind } from './package-manifest';

/**
 * Declared content types of descriptors this NFVO parses. SONATA (son-schema pd-schema, e.g. the
 * sonata-demo MANIFEST.MF) and 5GTANGO (tng-schema NAPD, application/vnd.5gtango.*) use these; the
 * Pishahang ones follow SONATA's naming for its CSD/COSD descriptors.
 */
const KINDS: Record<string, DescriptorKind> = {
  'application/sonata.service_descriptor': 'ns',
  'application/sonata.function_descriptor': 'vnf',
  'application/sonata.complex_service_descriptor': 'ns',
  'application/sonata.cloud_service_descriptor': 'cloud-service',
  'application/vnd.5gtango.nsd': 'ns',
  'application/vnd.5gtango.vnfd': 'vnf',
};

/** Descriptors of other MANO stacks that 5GTANGO "mixed" packages carry (tng-sdk-package example). */
const FOREIGN = /^application\/vnd\.(osm|onap)\.(nsd|vnfd)$/;

export const descriptorKindOf = (contentType: string | undefined): DescriptorKind | undefined =>
  contentType === undefined ? undefined : KINDS[contentType.trim().toLowerCase()];

export const isForeignDescriptor = (contentType: string | undefined): boolean => FOREIGN.test(contentType?.trim().toLowerCase() ?? '');

export const isYamlPath = (p: string): boolean => /\.(ya?ml)$/i.test(p);
