/**
 * descriptor-validate: the descriptor work of the onboarding job on a generated service of 1,000 functions
 * and 2,000 virtual links (plus the 1,000 function descriptors it uses) in our own format: parseDescriptorText
 * and importDescriptor for every file, as ArchivePackageReader does, then validateDescriptors on the set, as
 * checkPackage does. Baseline: JSON.parse of the same documents as JSON text, the cost of merely reading that
 * much data, measured in the same run. In-process and CPU-bound: no database, no child process.
 */
import { performance } from 'node:perf_hooks';
import type { Descriptor, DescriptorSet, Finding, FunctionDescriptor, ServiceDescriptor, ValidationReport } from '../../src/descriptors/model';
import { importDescriptor, parseDescriptorText } from '../../src/descriptors/parse';
import { validateDescriptors } from '../../src/descriptors/validate';
import type { Benchmark, BenchContext } from './bench.types';
import { label, millis, ratio, verdict } from './bench-line';
import { largeServiceFiles, type DescriptorFile } from './large-service.descriptors';
import { type Stat, median, stat, turn } from './run-stats';

const NAME = 'descriptor-validate';
const FUNCTIONS = 1000;
const WARMUPS = 2;
const RUNS = 7;
/** The target for the whole pipeline on this input. */
const TARGET_MS = 1000;

export const benchmark: Benchmark = { name: NAME, run };

interface PipelineRun {
  parseMs: number;
  importMs: number;
  /** Of parseMs: the service file alone (the one large file). */
  serviceParseMs: number;
  validateMs: number;
  findings: Finding[];
  report: ValidationReport;
}

/** What the onboarding job does with a package's descriptor files, timed by stage. */
function pipeline(files: readonly DescriptorFile[]): PipelineRun {
  let parseMs = 0;
  let importMs = 0;
  let serviceParseMs = 0;
  const findings: Finding[] = [];
  const descriptors: Descriptor[] = [];
  for (const f of files) {
    const t0 = performance.now();
    const parsed = parseDescriptorText(f.path, f.text);
    const t1 = performance.now();
    const imported = importDescriptor(parsed);
    const t2 = performance.now();
    parseMs += t1 - t0;
    importMs += t2 - t1;
    if (f === files[0]) serviceParseMs = t1 - t0;
    findings.push(...imported.findings);
    if (imported.descriptor) descriptors.push(imported.descriptor);
  }
  const t3 = performance.now();
  const set: DescriptorSet = {
    service: descriptors.find((d): d is ServiceDescriptor => d.kind === 'service'),
    functions: descriptors.filter((d): d is FunctionDescriptor => d.kind === 'function'),
  };
  const report = validateDescriptors(set);
  const validateMs = performance.now() - t3;
  return { parseMs, importMs, serviceParseMs, validateMs, findings, report };
}

/** The baseline: reading the same documents from JSON text, nothing else. */
function jsonParseAll(texts: readonly string[]): number {
  const t0 = performance.now();
  let keep = 0;
  for (const t of texts) keep += (JSON.parse(t) as object) ? 1 : 0;
  const ms = performance.now() - t0;
  if (keep !== texts.length) throw new Error('JSON.parse returned nothing'); // uses the result, so it cannot be optimised away
  return ms;
}

async function run(ctx: BenchContext): Promise<void> {
  const generating = performance.now();
  const { files, stats } = largeServiceFiles(FUNCTIONS);
  const generatedMs = performance.now() - generating;
  const yamlBytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);

  // The first run in this process: Ajv compiles the nfvo schemas, V8 has not optimised anything yet. An
  // onboarding job in a freshly started service pays this once.
  const cold = pipeline(files);
  const totalOf = (r: PipelineRun) => r.parseMs + r.importMs + r.validateMs;

  // The JSON text of exactly the documents the YAML parser produced (so both sides read the same data).
  const texts = files.map((f) => JSON.stringify(parseDescriptorText(f.path, f.text).doc));
  const jsonBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

  const errors = cold.findings.filter((f) => f.severity === 'error').length + cold.report.counts.errors;
  const warnings = cold.findings.length + cold.report.findings.length - errors;
  ctx.print(
    `${label(NAME, 'setup')}generated in ${millis(generatedMs)}: 1 service + ${files.length - 1} function descriptors (${stats.vmFunctions} VM VNFs, ${stats.containerFunctions} container microservices), nfvo format; ` +
      `${stats.functionRefs} function references, ${stats.virtualLinks} virtual links (${stats.eLines} E-Line, ${stats.eLans} E-LAN), 1 forwarding path of ${stats.pathHops} hops, ${stats.dependencies} dependencies, ${stats.monitoringParameters} monitoring parameters, ${stats.placement} placement constraints; ` +
      `${files.length} files, ${mib(yamlBytes)} YAML (service file ${mib(Buffer.byteLength(files[0].text))}), ${mib(jsonBytes)} as JSON; ${WARMUPS} warm-ups + ${RUNS} runs`,
  );
  ctx.print(`${label(NAME, 'report')}${errors} errors, ${warnings} warnings (parse/import: ${cold.findings.length} findings; validateDescriptors: ${cold.report.counts.errors} errors, ${cold.report.counts.warnings} warnings)${errors ? ': the input is not valid, figures not valid' : ''}`);
  for (const f of [...cold.findings, ...cold.report.findings].slice(0, 10)) ctx.print(`    ${f.severity} ${f.code} ${f.file}${f.pointer}: ${f.message}`);

  for (let i = 0; i < WARMUPS; i++) {
    await turn();
    pipeline(files);
    jsonParseAll(texts);
  }
  // Interleaved, so a noisy neighbour slows both sides alike.
  const runs: PipelineRun[] = [];
  const json: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await turn();
    runs.push(pipeline(files));
    json.push(jsonParseAll(texts));
  }

  const parse = stat(runs.map((r) => r.parseMs + r.importMs));
  const validate = stat(runs.map((r) => r.validateMs));
  const total = stat(runs.map(totalOf));
  const base = stat(json);
  const invalid = errors ? ' | INPUT NOT VALID: figures not valid' : '';
  const figure = (scenario: string, s: Stat, extra = '') =>
    `${label(NAME, scenario)}ratio ${ratio(s.median, base.median)} to JSON.parse | median ${millis(s.median)}, max ${millis(s.max)} | JSON.parse median ${millis(base.median)}, max ${millis(base.max)}${extra}${invalid}`;
  ctx.print(figure('parse+import', parse, ` | stage medians: parse ${millis(median(runs.map((r) => r.parseMs)))} (service file ${millis(median(runs.map((r) => r.serviceParseMs)))}), import ${millis(median(runs.map((r) => r.importMs)))}`));
  ctx.print(figure('validate', validate));
  ctx.print(figure('total', total, ` | target < ${TARGET_MS} ms: ${verdict(total.median < TARGET_MS)} (median), ${verdict(total.max < TARGET_MS)} (max) | cold first run ${millis(totalOf(cold))} (parse+import ${millis(cold.parseMs + cold.importMs)}, validate ${millis(cold.validateMs)})`));
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
