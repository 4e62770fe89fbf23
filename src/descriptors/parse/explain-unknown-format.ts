import { isRecord } from './read-context';

const EXPECTED = [
  'this orchestrator\'s format ("nfvo_descriptor: service" or "function", with "schema_version")',
  'SONATA ("descriptor_version" with "network_functions", or "virtual_deployment_units")',
  '5GTANGO ("descriptor_schema" naming tng-schema\'s service-descriptor/nsd-schema.yml or function-descriptor/vnfd-schema.yml)',
  'Pishahang v1 (a COSD with "cloud_services", a CSD whose virtual_deployment_units have "service_image")',
  'Pishahang v2 ("descriptor_type: service" or "function", functions with "descriptor_flavor")',
];

/** What the document seems to be instead, when it is recognisably something else. */
function recognised(doc: Record<string, unknown>): string | undefined {
  if ('tosca_definitions_version' in doc) return 'a TOSCA document (ETSI SOL001 / ONAP), which this orchestrator does not import';
  if (Object.keys(doc).some((k) => /^(nsd|vnfd):|^(nsd|vnfd)(-catalog|_catalog)?$/.test(k))) return 'an OSM descriptor, which this orchestrator does not import';
  if (typeof doc.descriptor_schema === 'string') return `a document of schema "${doc.descriptor_schema.slice(0, 200)}", which is not a 5GTANGO NSD or VNFD (package, policy, SLA, slice or test descriptors are not imported here)`;
  if ('package_content' in doc || 'entry_service_template' in doc) return 'a SONATA package descriptor (the package manifest), not a service or function descriptor';
  if ('nfvo_descriptor' in doc) return `a document of this orchestrator's format whose "nfvo_descriptor" is ${JSON.stringify(doc.nfvo_descriptor)?.slice(0, 60)} instead of "service" or "function"`;
  if ('descriptor_type' in doc) return `a Pishahang v2 document whose "descriptor_type" is ${JSON.stringify(doc.descriptor_type)?.slice(0, 60)} instead of "service" or "function"`;
  return undefined;
}

/** The message of a syntax.unknown-format finding: what this looks like, and what was expected. */
export function explainUnknownFormat(doc: unknown): string {
  if (!isRecord(doc)) return 'A descriptor must be a YAML mapping (key: value lines) at the top level';
  const seems = recognised(doc);
  // Something recognisably else needs no list of formats, only the reason it is not imported.
  return seems ? `This is ${seems}.` : `The descriptor format cannot be recognised. Expected one of: ${EXPECTED.join('; ')}.`;
}
