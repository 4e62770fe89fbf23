import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { makePackage } from '../../scripts/make-package/build-package';
import { reportOf, type Finding, type FunctionDescriptor, type ValidationReport } from '../../src/descriptors/model';
import { ArchivePackageReader } from '../../src/packages/onboarding/archive-package-reader';
import { checkPackage } from '../../src/packages/onboarding/check-package';
import { packageFinding } from '../../src/packages/onboarding/onboarding-outcome';
import type { DescriptorStore } from '../../src/packages/ports/descriptor-store.port';
import { notKept, referencePackages, type ReferencePackage } from '../fixtures/packages/reference-packages';
import { checkSet, codesOf, compact, EXAMPLES_DIR, haveExamples, importFile, loadExampleSets, malformed, type ExampleSet } from './sonata-example-sets';
import { mutation } from './sonata-example-mutations';

/**
 * The validator over every real example of ../shared/ref/sonata/examples (SONATA, 5GTANGO,
 * Pishahang v1/v2, son-cli validator samples):
 *  1. grouped into the descriptor sets they form, imported and validated: each set reports exactly
 *     the error and warning codes of the table below (valid ones: no error);
 *  2. every unpacked reference package rebuilt as its authors uploaded it and put through the
 *     onboarding checks (ArchivePackageReader + checkPackage);
 *  3. random mutations of every example: parse + import + validate never throw and every finding is
 *     well-formed.
 * Where the validator is wrong today, the table holds the RIGHT codes and `today` what is reported
 * instead, naming the defect; an `it.failing` test per such set turns red once the defect is fixed,
 * so the entry can be cleaned up.
 */

const present = haveExamples();
// eslint-disable-next-line no-console
if (!present) console.log(`skipped: reference data not found (${EXAMPLES_DIR})`);
const describeRef = present ? describe : describe.skip;

// ---------------------------------------------------------------------------------------------
// Known defects of the code under test, found by this spec (see each `today`).
// ---------------------------------------------------------------------------------------------
const DEFECTS = {
  /**
   * src/descriptors/parse/read-connection-points.ts readCp() returns undefined when `type` (or
   * `interface`) is invalid, so a connection point whose id is fine disappears from the model and
   * every reference to it becomes integrity.unknown-connection-point, although the file declares it.
   * Only the syntax.enum finding is right.
   */
  CP_DROPPED: 'a connection point with a misspelt type is dropped, and references to it are reported as unknown',
  /**
   * src/descriptors/rules/topology/disconnected.rule.ts and unused-virtual-link.rule.ts ignore
   * references whose resolution is 'no-descriptor' (function declared, its descriptor missing): the
   * function stays an isolated node and links to it join nothing, so the service "falls apart", and
   * links crossed by paths through such functions are "used by no path". The rules README says
   * references into a function without descriptor are not checked further: one
   * integrity.unknown-function-descriptor, nothing else.
   */
  MISSING_DESCRIPTOR_SPLITS_GRAPH: 'references into a function whose descriptor is missing are treated as unconnected by topology.disconnected / topology.unused-virtual-link',
} as const;
type Defect = keyof typeof DEFECTS;

interface Expected {
  /** Sorted error codes, one per finding. */
  errors: string[];
  /** Sorted warning codes, one per finding (listed so that a change of behaviour is noticed). */
  warnings: string[];
  why: string;
  /** What is reported today instead, because of a defect of the code under test. */
  today?: { errors?: string[]; warnings?: string[]; defect: Defect };
}

const n = (code: string, count: number): string[] => Array<string>(count).fill(code);
const sorted = (...codes: Array<string | string[]>): string[] => codes.flat().sort();
const NOT_A_DESCRIPTOR = (why: string): Expected => ({ errors: ['syntax.unknown-format'], warnings: [], why });

/** Set name -> the codes it must produce. Set names: see groupIntoSets (sonata-example-sets.ts). */
const EXPECTATIONS: Record<string, Expected> = {
  'pishahang-v1/cosd-schema-example-cloud-service.yaml': {
    errors: ['integrity.unknown-function-descriptor'], warnings: [],
    why: 'COSD schema example alone: its cloud service eu.sonata-nfv.cloud_services:test_service:0.2 has no CSD anywhere',
  },
  'pishahang-v1/hello-web': {
    errors: [], warnings: ['syntax.ignored-field'],
    why: 'valid; the CSD VDU field "name" is not in the CSD schema',
  },
  'pishahang-v1/ping-pong-sdn': {
    errors: sorted(n('integrity.reference-by-name', 4), n('integrity.unknown-connection-point', 4)),
    warnings: sorted('syntax.ignored-field', 'topology.disconnected'),
    why: 'FG and hops name functions by descriptor name (ping-vm-vnf/ping-cn-vnf, not vm-ping/ping); input/output and eth0 are declared nowhere (only a VDU CP); no virtual links; CSD VDU "name"',
  },
  'pishahang-v1/social-network': {
    errors: ['syntax.enum'], warnings: ['topology.disconnected'],
    why: 'snort_vnfd CP eth1 has type "interal" (upstream typo); the cloud service is on no virtual link',
  },
  'pishahang-v2/hello-web-aws': {
    errors: sorted('integrity.unknown-function-descriptor', 'syntax.unsupported-target'),
    warnings: [],
    why: 'descriptor_flavor aws cannot be deployed, so the NSD has no usable descriptor for hello-web-1',
  },
  'pishahang-v2/ping-forwarder': {
    errors: sorted(n('integrity.reference-by-name', 4), n('integrity.unknown-connection-point', 4)),
    warnings: sorted('syntax.ignored-field', 'topology.disconnected'),
    why: 'as ping-pong-sdn: descriptor names instead of vnf_ids, undeclared input/output/eth0, no virtual links',
  },
  'pishahang-v2/schema-tests/kubernetes-simple.yml': { errors: [], warnings: [], why: 'valid kubernetes function' },
  'son-cli/validate-samples/invalid_integrity/firewall-vnfd.yml': {
    errors: ['integrity.unknown-connection-point'], warnings: ['syntax.ignored-field'],
    why: 'son-cli sample: virtual link mgmt references vdu02:eth0 ("modified here"), there is only vdu01; FSMs',
  },
  'son-cli/validate-samples/invalid_syntax/firewall-vnfd.yml': {
    errors: ['syntax.unknown-field'], warnings: [],
    why: 'son-cli sample: root key function_specific_managersX ("modified here")',
  },
  'son-cli/validate-samples/invalid_topology/firewall-vnfd.yml': {
    errors: [], warnings: ['syntax.ignored-field'],
    why: 'byte-identical to valid/firewall-vnfd.yml upstream (the topology sample differs only in name); FSMs',
  },
  'son-cli/validate-samples/p-valid-complex-cycles-nsd.yml': {
    errors: sorted(n('integrity.unknown-function-descriptor', 4), 'integrity.unknown-virtual-link'),
    warnings: n('topology.cycle', 2),
    why: 'project NSD without its VNFDs (not in the reference data); FG lists link tcpdump-2-output that does not exist; insert_cycles revisits two CPs',
  },
  'son-cli/validate-samples/packages/sonata-demo-invalid-integrity-1.son.unpacked': {
    errors: [], warnings: [],
    why: 'descriptors are valid; its defect (MANIFEST.MF lists iperfo-vnfd.yml) is a package matter, see the package tests',
  },
  'son-cli/validate-samples/packages/sonata-demo-invalid-md5.son.unpacked': { errors: [], warnings: [], why: 'descriptors are valid; wrong md5s are a package matter' },
  'son-cli/validate-samples/packages/sonata-demo-invalid-struct-1.son.unpacked': { errors: [], warnings: [], why: 'descriptors are valid; _MANIFEST.MF is a package matter' },
  'son-cli/validate-samples/packages/sonata-demo-valid.son.unpacked': { errors: [], warnings: [], why: 'valid' },
  'son-cli/validate-samples/valid/firewall-vnfd.yml': { errors: [], warnings: ['syntax.ignored-field'], why: 'valid; FSMs are not run' },
  'son-schema/nsd-simplest.yml': { errors: [], warnings: [], why: 'valid: only the mandatory header' },
  'son-schema/nsd-sonata-demo.yml': {
    errors: n('integrity.unknown-function-descriptor', 2), warnings: ['syntax.ignored-field'],
    why: 'only vnfd-firewall.yml lies beside it; iperf-vnf/tcpdump-vnf 0.2 are not in son-schema/ (they are in the .son); firewall FSMs',
  },
  'son-schema/pd-sonata-demo.yml': NOT_A_DESCRIPTOR('SONATA package descriptor (MANIFEST.MF content)'),
  'son-schema/sonata-demo.son.unpacked': { errors: [], warnings: ['syntax.ignored-field'], why: 'valid; firewall deployment_flavours' },
  'son-schema/vnfd-vtc.yml': { errors: [], warnings: ['syntax.ignored-field'], why: 'valid; FSMs (no service beside it uses it)' },
  'tng-industrial-pilot/ns1-k8s': {
    errors: [], warnings: ['topology.disconnected'],
    why: 'valid; three independent external endpoints (grafana apart from mqtt/prometheus)',
  },
  'tng-industrial-pilot/ns1-k8s/project.yml': NOT_A_DESCRIPTOR('tng-sdk-project project.yml'),
  'tng-industrial-pilot/vdmz': {
    errors: n('integrity.unknown-function-descriptor', 4), warnings: ['syntax.ignored-field'],
    why: 'only the ipfire VNFD of the five is kept (snort, quagga, haproxy, openvpn missing); ipfire FSMs',
  },
  'tng-schema/eu.5gtango.ns-package-example.0.1.tgo.unpacked': { errors: [], warnings: [], why: 'valid' },
  'tng-schema/eu.5gtango.ns-package-example.0.1.tgo.unpacked/TOSCA-Metadata/NAPD.yaml': NOT_A_DESCRIPTOR('5GTANGO package descriptor'),
  'tng-schema/nsd-multi-flavour.yml': {
    errors: n('integrity.unknown-connection-point', 3),
    warnings: sorted(n('syntax.ignored-field', 2), 'topology.disconnected'),
    why: 'upstream: mgmt link names vnf2 (no such function); vnf1:output is used by a link and a hop but the VNFD has only mgmt/input; deployment_flavours ignored',
  },
  'tng-schema/nsd-recursive.yml': {
    errors: sorted(n('integrity.unknown-connection-point', 5), 'integrity.unknown-function-descriptor', 'syntax.unsupported-feature'),
    warnings: sorted('syntax.ignored-field', 'topology.disconnected'),
    why: 'nested network_services unsupported, so ns_sonata:* (3 links, 2 hops) name no function; vtc-vnf is not in tng-schema/; proximity soft constraint',
  },
  'tng-schema/policy-elasticity-premium.yml': NOT_A_DESCRIPTOR('5GTANGO policy descriptor'),
  'tng-schema/project-ns-example-mynsd.yaml': {
    errors: ['integrity.unknown-function-descriptor'], warnings: [],
    why: 'project NSD without its VNFD eu.5gtango:myvnf:0.1',
  },
  'tng-schema/project-ns-example.yml': NOT_A_DESCRIPTOR('tng-sdk-project project.yml'),
  'tng-schema/vnfd-cnf.yml': {
    errors: n('integrity.unknown-connection-point', 2), warnings: n('syntax.ignored-field', 2),
    why: 'upstream typo: links reference unit cdu01, the unit is cndu01; raw k8s_deployment/k8s_service ignored',
  },
  'tng-schema/vnfd-hnf-hybrid.yml': {
    errors: sorted('joint.unit-target-mismatch', 'syntax.unsupported-feature'), warnings: n('syntax.ignored-field', 2),
    why: 'physical deployment unit unsupported; a container unit in a function targeting openstack; raw k8s fields',
  },
  'tng-schema/vnfd-pnf.yml': {
    errors: sorted(n('integrity.unknown-connection-point', 3), 'syntax.unsupported-feature'), warnings: [],
    why: 'physical deployment units unsupported, so the links to pdu01:* name no unit of the model',
  },
  'tng-sdk-package/5gtango-ns-package-example-bad-checksum.tgo.unpacked': { errors: [], warnings: [], why: 'descriptors valid; the bad hash is a package matter' },
  'tng-sdk-package/5gtango-ns-package-example-bad-checksum.tgo.unpacked/TOSCA-Metadata/NAPD.yaml': NOT_A_DESCRIPTOR('5GTANGO package descriptor'),
  'tng-sdk-package/5gtango-ns-package-example-malformed.tgo.unpacked': { errors: [], warnings: [], why: 'descriptors valid; the malformed NAPD is a package matter' },
  'tng-sdk-package/5gtango-ns-package-example-malformed.tgo.unpacked/TOSCA-Metadata/NAPD.yaml': NOT_A_DESCRIPTOR('5GTANGO package descriptor (name_bad_key)'),
  'tng-sdk-package/5gtango-ns-package-example.tgo.unpacked': {
    errors: ['integrity.unknown-connection-point'], warnings: [],
    why: 'upstream: mgmt link names vnf2:mgmt, the service has only vnf1',
  },
  'tng-sdk-package/5gtango-ns-package-example.tgo.unpacked/TOSCA-Metadata/NAPD.yaml': NOT_A_DESCRIPTOR('5GTANGO package descriptor'),
  'tng-sdk-package/eu.5gtango.mixed-ns-package-example.0.1.tgo.unpacked': { errors: [], warnings: [], why: 'the 5GTANGO NSD/VNFD pair is valid' },
  'tng-sdk-package/eu.5gtango.mixed-ns-package-example.0.1.tgo.unpacked/Definitions/onap_nsd.yaml': NOT_A_DESCRIPTOR('ONAP TOSCA NSD'),
  'tng-sdk-package/eu.5gtango.mixed-ns-package-example.0.1.tgo.unpacked/Definitions/onap_vnfd.yaml': NOT_A_DESCRIPTOR('ONAP TOSCA VNFD'),
  'tng-sdk-package/eu.5gtango.mixed-ns-package-example.0.1.tgo.unpacked/Definitions/osm_nsd.yaml': NOT_A_DESCRIPTOR('OSM NSD'),
  'tng-sdk-package/eu.5gtango.mixed-ns-package-example.0.1.tgo.unpacked/Definitions/osm_vnfd.yaml': NOT_A_DESCRIPTOR('OSM VNFD'),
  'tng-sdk-package/eu.5gtango.mixed-ns-package-example.0.1.tgo.unpacked/TOSCA-Metadata/NAPD.yaml': NOT_A_DESCRIPTOR('5GTANGO package descriptor'),
  'tng-sdk-package/project_example1_bad-nsd-sample.yml': {
    errors: sorted(n('integrity.unknown-connection-point', 6), 'integrity.unknown-function', 'syntax.unknown-field'),
    warnings: ['topology.disconnected'],
    why: 'INVALID fixture: network_functions1 instead of network_functions, so vnf1 (4 references, FG) names nothing; vnf2:mgmt is wrong upstream too',
  },
};

const { files: exampleFiles, sets } = present ? loadExampleSets() : { files: [], sets: [] as ExampleSet[] };
const reported = new Map(sets.map((s) => [s.name, checkSet(s.files)]));
const codes = (name: string) => ({ errors: codesOf(reported.get(name)!, 'error'), warnings: codesOf(reported.get(name)!, 'warning') });
const todayOf = (e: Expected) => ({ errors: e.today?.errors ?? e.errors, warnings: e.today?.warnings ?? e.warnings });

if (present) {
  const rows = sets.map((s) => {
    const c = codes(s.name);
    const e = EXPECTATIONS[s.name];
    const flag = e?.today ? `   <- defect ${e.today.defect}` : '';
    return `${s.name}\n    errors: ${compact(c.errors)}\n    warnings: ${compact(c.warnings)}${flag}`;
  });
  // eslint-disable-next-line no-console
  console.log(`SONATA-family examples: ${sets.length} sets from ${exampleFiles.length} files (set -> codes)\n${rows.join('\n')}`);
}

describeRef('real SONATA / 5GTANGO / Pishahang examples, validated as the sets they form', () => {
  it('puts every example file in exactly one set, and the table covers every set', () => {
    const grouped = sets.flatMap((s) => s.files.map((f) => f.file)).sort();
    expect(grouped).toEqual(exampleFiles.map((f) => f.file).sort());
    expect(sets.map((s) => s.name).sort()).toEqual(Object.keys(EXPECTATIONS).sort());
  });

  it.each(sets.map((s) => [s.name, s] as const))('%s', (name, set) => {
    const findings = reported.get(name)!;
    const names = set.files.map((f) => f.file);
    const texts = new Map(set.files.map((f) => [f.file, f.text]));
    expect(findings.map((f) => malformed(f, names, names, texts)).filter(Boolean)).toEqual([]);
    expect(findings.filter((f) => f.code.startsWith('internal.'))).toEqual([]);
    expect(codes(name)).toEqual(todayOf(EXPECTATIONS[name]));
  });

  const defective = Object.entries(EXPECTATIONS).filter(([, e]) => e.today);
  for (const [name, e] of defective) {
    it.failing(`${name}: reports exactly the right codes once ${e.today!.defect} is fixed`, () => {
      expect(codes(name)).toEqual({ errors: e.errors, warnings: e.warnings });
    });
  }

  it('defect entries really differ from the right codes (else `today` is stale)', () => {
    for (const e of Object.values(EXPECTATIONS)) if (e.today) expect(todayOf(e)).not.toEqual({ errors: e.errors, warnings: e.warnings });
  });
});

describeRef('controls: the codes of a set come from the causes its table entry names', () => {
  const file = (name: string) => exampleFiles.find((f) => f.file === name)!;
  const setNamed = (name: string) => sets.find((s) => s.name === name)!;
  const descriptorOf = (name: string) => file(name).descriptor as FunctionDescriptor;

  it('son-schema/nsd-sonata-demo.yml with iperf/tcpdump of sonata-demo.son onboarded: nothing but the FSM warning', () => {
    const extra = ['iperf', 'tcpdump'].map((f) => descriptorOf(`son-schema/sonata-demo.son.unpacked/function_descriptors/${f}-vnfd.yml`));
    const findings = checkSet(setNamed('son-schema/nsd-sonata-demo.yml').files, extra);
    expect(findings.map((f) => f.code)).toEqual(['syntax.ignored-field']);
  });

  it('tng-industrial-pilot/vdmz with stand-ins for the four missing VNFDs: no topology.disconnected', () => {
    // Each stand-in is the ipfire VNFD (mgmt, cp1..cp3, one VM) under the missing key.
    const ipfire = descriptorOf('tng-industrial-pilot/vdmz/vnfd-ipfire.yml');
    const extra = ['snort-vnf', 'quagga-vnf', 'haproxy-vnf', 'openvpn-vnf'].map((name) => ({ ...ipfire, key: { ...ipfire.key, name } }));
    const findings = checkSet(setNamed('tng-industrial-pilot/vdmz').files, extra);
    expect(findings.map((f) => f.code)).toEqual(['syntax.ignored-field']);
  });

  it('pishahang-v1/social-network with the "interal" typo corrected: no error at all', () => {
    const snort = file('pishahang-v1/social-network/snort_vnfd.yml');
    const fixed = importFile(snort.file, snort.text.replace('type: "interal"', 'type: "internal"'));
    const findings = checkSet(setNamed('pishahang-v1/social-network').files.map((f) => (f === snort ? fixed : f)));
    expect(findings.map((f) => f.code)).toEqual(['topology.disconnected']);
  });

  it('pishahang-v1/social-network: a misspelt connection point type is one syntax.enum, not also an unknown connection point', () => {
    const findings = reported.get('pishahang-v1/social-network')!;
    const enumAt = findings.find((f) => f.code === 'syntax.enum')!;
    expect(enumAt.pointer).toBe('/virtual_deployment_units/0/connection_points/1/type');
    expect(findings.filter((f) => f.code === 'integrity.unknown-connection-point')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. The reference packages, rebuilt as uploaded by their authors, through the onboarding checks.
// ---------------------------------------------------------------------------------------------

/** Stands in for the database: nothing is onboarded yet, so the NSD must bring its functions. */
const emptyStore: DescriptorStore = {
  add: () => Promise.reject(new Error('checkPackage does not write')),
  onboardedFunctions: () => Promise.resolve([]),
  takenKeys: () => Promise.resolve([]),
  forOwner: () => Promise.resolve([]),
  removeAll: () => Promise.reject(new Error('checkPackage does not write')),
};

interface PackageExpected {
  errors: string[];
  warnings: string[];
  /** Files package.missing-entry names: those CONTENTS.txt lists but the folder does not keep, plus `typos`. */
  missing: string[];
  /** Manifest paths that name no file of the original archive either (upstream's deliberate mistakes). */
  typos?: string[];
  /** Files package.checksum-mismatch names. */
  mismatched?: string[];
  why: string;
  today?: { errors?: string[]; warnings?: string[]; defect: Defect };
}

const DOCKER_FILES = ['firewall', 'iperf', 'tcpdump'].flatMap((f) => [`docker_files/${f}/Dockerfile`, `docker_files/${f}/start.sh`]);
const TNG_EXTRAS = ['Icons/upb_logo.png', 'Licenses/LICENSE', 'Scripts/cloud.init'];
const SON_DESCRIPTORS = ['function_descriptors/firewall-vnfd.yml', 'function_descriptors/iperf-vnfd.yml', 'function_descriptors/tcpdump-vnfd.yml', 'service_descriptors/sonata-demo.yml'];

const PACKAGES: Record<string, PackageExpected> = {
  'son-cli/validate-samples/packages/sonata-demo-invalid-integrity-1.son.unpacked': {
    // One file:// Dockerfile image is missing (the other VNFD using one is the missing iperfo-vnfd.yml).
    errors: sorted(n('package.checksum-mismatch', 3), n('package.missing-entry', 7), 'integrity.unknown-function-descriptor', 'integrity.missing-image'),
    warnings: ['package.unlisted-entry'],
    missing: [...DOCKER_FILES, 'function_descriptors/iperfo-vnfd.yml'],
    typos: ['function_descriptors/iperfo-vnfd.yml'],
    mismatched: SON_DESCRIPTORS.filter((f) => !f.includes('iperf')),
    why: 'MANIFEST.MF lists iperfo-vnfd.yml, so the real iperf-vnfd.yml is unlisted, not parsed, and vnf_iperf has no descriptor; its md5s are wrong too',
  },
  'son-cli/validate-samples/packages/sonata-demo-invalid-md5.son.unpacked': {
    // iperf and tcpdump name file:///docker_files/… images, which the reference data does not keep.
    errors: sorted(n('package.checksum-mismatch', 4), n('package.missing-entry', 6), n('integrity.missing-image', 2)), warnings: [],
    missing: DOCKER_FILES, mismatched: SON_DESCRIPTORS,
    why: 'every descriptor md5 in MANIFEST.MF is wrong; docker_files/ are not kept in the reference data',
  },
  'son-cli/validate-samples/packages/sonata-demo-invalid-struct-1.son.unpacked': {
    errors: ['package.manifest-missing'], warnings: [], missing: [],
    why: 'META-INF/_MANIFEST.MF instead of MANIFEST.MF: the reader refuses the package',
  },
  'son-cli/validate-samples/packages/sonata-demo-valid.son.unpacked': {
    errors: n('package.missing-entry', 6), warnings: [], missing: DOCKER_FILES,
    why: 'valid upstream; only the docker_files/ the reference data does not keep are missing',
  },
  'son-schema/sonata-demo.son.unpacked': {
    errors: sorted(n('package.missing-entry', 6), n('integrity.missing-image', 2)), warnings: ['syntax.ignored-field'], missing: DOCKER_FILES,
    why: 'valid upstream; docker_files/ not kept; firewall deployment_flavours',
  },
  'tng-schema/eu.5gtango.ns-package-example.0.1.tgo.unpacked': {
    errors: n('package.missing-entry', 3), warnings: [], missing: TNG_EXTRAS,
    why: 'valid upstream; icon, licence and script not kept',
  },
  'tng-sdk-package/5gtango-ns-package-example-bad-checksum.tgo.unpacked': {
    errors: sorted('package.checksum-mismatch', n('package.missing-entry', 3)), warnings: [],
    missing: TNG_EXTRAS, mismatched: ['Definitions/myvnfd.yaml'],
    why: 'NAPD.yaml gives Definitions/myvnfd.yaml a hash ending in c instead of b (mynsd.mf has it right)',
  },
  'tng-sdk-package/5gtango-ns-package-example-malformed.tgo.unpacked': {
    errors: sorted('package.manifest-invalid', n('package.checksum-mismatch', 3), n('package.missing-entry', 4)),
    warnings: ['package.manifest-unknown-key'],
    missing: [...TNG_EXTRAS, 'Images/mycloudinamge.ref'], typos: ['Images/mycloudinamge.ref'],
    mismatched: ['Definitions/mynsd.yaml', 'Definitions/myvnfd.yaml', 'Images/mycloudimage.ref'],
    why: 'NAPD has name_bad_key instead of name (error) and that unknown key (warning), three wrong hashes, mynsd.mf misspells mycloudimage.ref',
  },
  'tng-sdk-package/5gtango-ns-package-example.tgo.unpacked': {
    errors: ['integrity.unknown-connection-point'], warnings: [], missing: [],
    why: 'fully kept package; its NSD names vnf2:mgmt, the service has only vnf1',
  },
  'tng-sdk-package/eu.5gtango.mixed-ns-package-example.0.1.tgo.unpacked': {
    errors: n('package.missing-entry', 3), warnings: n('package.foreign-descriptor', 4), missing: TNG_EXTRAS,
    why: 'OSM/ONAP descriptors kept as artifacts with a warning each; icon, licence and script not kept',
  },
};

interface PackageRun {
  report: ValidationReport;
  /** Paths of the descriptors the reader parsed (their findings must carry line and column). */
  descriptorFiles: string[];
  packageFiles: string[];
}

/** Upload -> read -> check, as OnboardPackage.execute does (a refused package becomes a one-finding report). */
async function onboard(zip: string): Promise<PackageRun> {
  let pkg;
  try {
    pkg = await new ArchivePackageReader(1 << 30).read(createReadStream(zip), { contentType: 'application/zip' });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (!code?.startsWith('package.')) throw err;
    return { report: reportOf([packageFinding(code, (err as Error).message, (err as { file?: string }).file)]), descriptorFiles: [], packageFiles: [] };
  }
  try {
    const outcome = await checkPackage('nsd', 'conformance-nsd', pkg, emptyStore);
    return { report: outcome.report, descriptorFiles: pkg.descriptors.map((d) => d.file), packageFiles: pkg.files.map((f) => f.path) };
  } finally {
    await pkg.cleanup();
  }
}

const MISSING = /lists? "([^"]+)", but the package does not contain it/;
const MISMATCH = /^"([^"]+)" does not match its/;
const named = (findings: Finding[], code: string, re: RegExp): string[] =>
  findings.filter((f) => f.code === code).map((f) => re.exec(f.message)?.[1] ?? `<unparsed: ${f.message}>`).sort();

describeRef('reference packages rebuilt as uploaded, through the onboarding checks', () => {
  const pkgs = present ? referencePackages() : [];
  const rel = (p: ReferencePackage) => path.relative(EXAMPLES_DIR, p.dir).split(path.sep).join('/');
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'nfvo-conformance-'));
  });
  afterAll(() => (tmp ? rm(tmp, { recursive: true, force: true }) : undefined));

  it('the table covers every unpacked package', () => {
    expect(pkgs.map(rel).sort()).toEqual(Object.keys(PACKAGES).sort());
  });

  const runs = new Map<string, PackageRun>();
  const run = async (p: ReferencePackage): Promise<PackageRun> => {
    if (!runs.has(rel(p))) {
      const zip = path.join(tmp, `${runs.size}-${p.name}`);
      await makePackage(p.dir, zip, { keepManifest: true });
      runs.set(rel(p), await onboard(zip));
    }
    return runs.get(rel(p))!;
  };

  it.each(pkgs.map((p) => [rel(p), p] as const))('%s', async (name, p) => {
    const e = PACKAGES[name];
    const { report, descriptorFiles, packageFiles } = await run(p);
    const f = report.findings;
    // Well-formed: descriptor findings point into a parsed descriptor with line and column; package
    // findings name package paths ('' for the package itself; two manifests agreeing are joined by ', ').
    for (const finding of f) {
      const files = finding.file.split(', ');
      // A refused package has no files to name: its finding names the entry it lacks.
      const inPackage = finding.file === '' || packageFiles.length === 0 || files.every((x) => packageFiles.includes(x));
      const problem = malformed(finding, [finding.file], descriptorFiles.includes(finding.file) ? [finding.file] : []);
      expect({ finding, problem, inPackage }).toEqual({ finding, problem: undefined, inPackage: true });
      if (finding.line !== undefined) expect(finding.line).toBeGreaterThan(0);
    }
    expect({ errors: codesOf(f, 'error'), warnings: codesOf(f, 'warning') }).toEqual({ errors: e.today?.errors ?? e.errors, warnings: e.today?.warnings ?? e.warnings });
    expect(report.valid).toBe(false); // every reference package lacks something, so none onboards as is
    // Missing entries: exactly the files the reference folder does not keep (CONTENTS.txt), plus upstream typos.
    const missing = named(f, 'package.missing-entry', MISSING);
    expect(missing).toEqual([...e.missing].sort());
    for (const m of missing) expect((e.typos ?? []).includes(m) || notKept(p).includes(m)).toBe(true);
    for (const t of e.typos ?? []) expect(p.contents.map((c) => c.name)).not.toContain(t);
    expect(named(f, 'package.checksum-mismatch', MISMATCH)).toEqual([...(e.mismatched ?? [])].sort());
  });

  it('bad-checksum: the one mismatch is NAPD.yaml line 20 about Definitions/myvnfd.yaml', async () => {
    const p = pkgs.find((x) => x.name === '5gtango-ns-package-example-bad-checksum.tgo')!;
    const mismatch = (await run(p)).report.findings.filter((f) => f.code === 'package.checksum-mismatch');
    expect(mismatch).toEqual([expect.objectContaining({ severity: 'error', file: 'TOSCA-Metadata/NAPD.yaml', line: 20, message: expect.stringContaining('"Definitions/myvnfd.yaml"') })]);
  });

  it('invalid-struct-1: refused with package.manifest-missing naming META-INF/MANIFEST.MF', async () => {
    const p = pkgs.find((x) => x.name === 'sonata-demo-invalid-struct-1.son')!;
    expect((await run(p)).report.findings).toEqual([expect.objectContaining({ code: 'package.manifest-missing', file: 'META-INF/MANIFEST.MF', message: expect.stringContaining('_MANIFEST.MF') })]);
  });

  for (const [name, e] of Object.entries(PACKAGES).filter(([, x]) => x.today)) {
    it.failing(`${name}: reports exactly the right codes once ${e.today!.defect} is fixed`, async () => {
      const { report } = await run(pkgs.find((p) => rel(p) === name)!);
      expect({ errors: codesOf(report.findings, 'error'), warnings: codesOf(report.findings, 'warning') }).toEqual({ errors: e.errors, warnings: e.warnings });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// 3. Random mutations of every real descriptor, validated with the rest of its set.
// ---------------------------------------------------------------------------------------------

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

describeRef('random mutations of the real examples', () => {
  it(`parse + import + validate never throw and report well-formed findings (${FUZZ_RUNS} runs)`, () => {
    const setOf = new Map(sets.flatMap((s) => s.files.map((f) => [f.file, s] as const)));
    const all = exampleFiles;
    const started = Date.now();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, edits) => {
        const original = all[i];
        const text = edits.reduce((t, m) => m.apply(t), original.text);
        const mutated = importFile(original.file, text);
        const set = setOf.get(original.file)!;
        const files = set.files.map((f) => (f.file === original.file ? mutated : f));
        const findings = checkSet(files);
        const names = files.map((f) => f.file);
        const texts = new Map(files.map((f) => [f.file, f.text]));
        const bad = findings.map((f) => malformed(f, names, names, texts)).filter(Boolean);
        if (bad.length > 0) throw new Error(`${original.file} after ${edits.map((m) => m.name).join(', ')}:\n${bad.join('\n')}\n--- text ---\n${text}`);
        const internal = findings.filter((f) => f.code.startsWith('internal.'));
        if (internal.length > 0) throw new Error(`${original.file} after ${edits.map((m) => m.name).join(', ')}: ${JSON.stringify(internal)}\n--- text ---\n${text}`);
      }),
      { numRuns: FUZZ_RUNS },
    );
    // eslint-disable-next-line no-console
    console.log(`fuzzed ${FUZZ_RUNS} mutations of ${all.length} example files in ${Date.now() - started} ms`);
  });
});
