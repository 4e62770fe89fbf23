import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { keyToString, type Descriptor, type Finding, type FunctionDescriptor, type ServiceDescriptor } from '../../src/descriptors/model';
import { importDescriptor, parseDescriptorText, type ImportResult, type ParsedText } from '../../src/descriptors/parse';
import { validateDescriptors } from '../../src/descriptors/validate';
import { referenceDir } from '../support/etsi/reference-data.locator';

/** ../shared/ref/sonata/examples (or $NFVO_REF_DIR/sonata/examples). */
export const EXAMPLES_DIR = path.join(referenceDir(), 'sonata', 'examples');
export const haveExamples = (): boolean => existsSync(EXAMPLES_DIR);

/** Files that may hold a descriptor (YAML or JSON); the reference notes (*.txt), .mf, .meta, .ref are not. */
const DESCRIPTOR_TEXT = /\.(ya?ml|json)$/;

/** Every YAML/JSON file under the examples, relative (`/`-separated) and sorted. */
export function exampleFiles(dir = EXAMPLES_DIR): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else if (e.isFile() && DESCRIPTOR_TEXT.test(e.name)) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

export interface ImportedFile {
  /** Path relative to the examples folder; also the `file` every finding of it must name. */
  file: string;
  text: string;
  parsed: ParsedText;
  imported: ImportResult;
  descriptor?: Descriptor;
  /** `format/kind` as detected, or '-' when the file is none of the descriptor formats. */
  detected: string;
}

export function importFile(file: string, text: string): ImportedFile {
  const parsed = parseDescriptorText(file, text);
  const imported = importDescriptor(parsed);
  const detected = imported.detected ? `${imported.detected.format}/${imported.detected.kind}` : '-';
  return { file, text, parsed, imported, descriptor: imported.descriptor, detected };
}

export interface ExampleSet {
  /** Package folder, example folder, or the file of the set's service / lone function. */
  name: string;
  kind: 'package' | 'service' | 'function' | 'not-a-descriptor';
  /** The service's file first (if any), then the functions' files, sorted. */
  files: ImportedFile[];
}

const dirOf = (file: string): string => path.posix.dirname(file);
/** The `*.unpacked` folder a file belongs to, if any. */
const packageOf = (file: string): string | undefined => {
  const parts = file.split('/');
  const i = parts.findIndex((p) => p.endsWith('.unpacked'));
  return i < 0 ? undefined : parts.slice(0, i + 1).join('/');
};
const isService = (f: ImportedFile): boolean => f.detected.endsWith('/service');
const isFunction = (f: ImportedFile): boolean => f.detected.endsWith('/function');

/**
 * Groups the examples into the descriptor sets they form:
 * - a package (`*.unpacked/`): every descriptor in it (function_descriptors/, Definitions/, ...), as
 *   onboarding would validate it;
 * - a folder with one service: the service and every function descriptor beside it;
 * - a folder with several services: each service with the function descriptors beside it that it
 *   names by vendor/name/version; functions none of them names stand alone;
 * - a function descriptor with no service beside it: alone;
 * - a file that is none of the descriptor formats (package manifests, policies, OSM/ONAP): alone,
 *   as 'not-a-descriptor' (it only has import findings).
 */
export function groupIntoSets(files: ImportedFile[]): ExampleSet[] {
  const sets: ExampleSet[] = [];
  const groups = new Map<string, ImportedFile[]>();
  for (const f of files) {
    if (f.detected === '-') {
      sets.push({ name: f.file, kind: 'not-a-descriptor', files: [f] });
      continue;
    }
    const g = packageOf(f.file) ?? dirOf(f.file);
    groups.set(g, [...(groups.get(g) ?? []), f]);
  }
  const ordered = (service: ImportedFile | undefined, fns: ImportedFile[]) => [...(service ? [service] : []), ...[...fns].sort((a, b) => a.file.localeCompare(b.file))];
  for (const [group, members] of groups) {
    const services = members.filter(isService);
    const functions = members.filter(isFunction);
    if (packageOf(members[0].file)) {
      sets.push({ name: group, kind: 'package', files: ordered(services[0], [...services.slice(1), ...functions]) });
    } else if (services.length === 0) {
      for (const fn of functions) sets.push({ name: fn.file, kind: 'function', files: [fn] });
    } else if (services.length === 1) {
      const whole = functions.length > 0;
      sets.push({ name: whole ? group : services[0].file, kind: 'service', files: ordered(services[0], functions) });
    } else {
      const used = new Set<ImportedFile>();
      for (const s of services) {
        const wanted = new Set(((s.descriptor as ServiceDescriptor | undefined)?.functions ?? []).map((r) => keyToString(r.descriptor)));
        const mine = functions.filter((fn) => fn.descriptor && wanted.has(keyToString(fn.descriptor.key)));
        mine.forEach((fn) => used.add(fn));
        sets.push({ name: s.file, kind: 'service', files: ordered(s, mine) });
      }
      for (const fn of functions.filter((x) => !used.has(x))) sets.push({ name: fn.file, kind: 'function', files: [fn] });
    }
  }
  return sets.sort((a, b) => a.name.localeCompare(b.name));
}

/** Imports every example file and groups them. */
export function loadExampleSets(dir = EXAMPLES_DIR): { files: ImportedFile[]; sets: ExampleSet[] } {
  const files = exampleFiles(dir).map((f) => importFile(f, readFileSync(path.join(dir, f), 'utf8')));
  return { files, sets: groupIntoSets(files) };
}

/**
 * Import findings of every file plus the validator's report for the set (service + functions),
 * with line/column filled from the file a finding points into, as onboarding does.
 */
export function checkSet(files: ImportedFile[], extraFunctions: FunctionDescriptor[] = []): Finding[] {
  const service = files.map((f) => f.descriptor).find((d): d is ServiceDescriptor => d?.kind === 'service');
  const functions = files.map((f) => f.descriptor).filter((d): d is FunctionDescriptor => d?.kind === 'function');
  const report = files.some((f) => f.descriptor) ? validateDescriptors({ service, functions }, { extraFunctions }).findings : [];
  const byFile = new Map(files.map((f) => [f.file, f]));
  return [...files.flatMap((f) => f.imported.findings), ...report].map((f) => {
    if (f.line !== undefined) return f;
    const at = byFile.get(f.file)?.parsed.locate(f.pointer);
    return at ? { ...f, ...at } : f;
  });
}

const CODE = /^[a-z]+\.[a-z-]+$/;
const LEVELS = ['syntax', 'integrity', 'topology', 'joint'];

/**
 * Why a finding is not well-formed, or undefined when it is. `files` are the files it may name;
 * `yamlFiles` those it must have a line and column in (every descriptor text is YAML or JSON).
 */
export function malformed(f: Finding, files: readonly string[], yamlFiles: readonly string[] = files, texts?: ReadonlyMap<string, string>): string | undefined {
  const problems: string[] = [];
  if (typeof f.code !== 'string' || !CODE.test(f.code)) problems.push('code');
  if (f.severity !== 'error' && f.severity !== 'warning') problems.push('severity');
  if (!LEVELS.includes(f.level)) problems.push('level');
  if (!files.includes(f.file)) problems.push(`file not one of ${files.join(', ')}`);
  if (typeof f.pointer !== 'string' || (f.pointer !== '' && !f.pointer.startsWith('/'))) problems.push('pointer');
  if (typeof f.message !== 'string' || f.message.trim() === '') problems.push('message');
  if (yamlFiles.includes(f.file) && !(Number.isInteger(f.line) && f.line! > 0 && Number.isInteger(f.column) && f.column! > 0)) problems.push('line/column');
  const text = texts?.get(f.file);
  if (text !== undefined && f.line !== undefined && f.line > text.split('\n').length) problems.push('line past the end of the file');
  return problems.length ? `${problems.join('; ')}: ${JSON.stringify(f)}` : undefined;
}

/** Codes of the findings with this severity, sorted (duplicates kept: the count matters too). */
export const codesOf = (findings: Finding[], severity: Finding['severity']): string[] => findings.filter((f) => f.severity === severity).map((f) => f.code).sort();

/** `a, b×3` for a sorted code list. */
export function compact(codes: string[]): string {
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([c, n]) => (n > 1 ? `${c}×${n}` : c)).join(', ') || '-';
}
