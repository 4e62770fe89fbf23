import type { Descriptor, Finding, SourceFormat } from '../model';
import { detectFormat, type FormatDetection } from './detect-format';
import { explainUnknownFormat } from './explain-unknown-format';
import type { Importer } from './importer';
import { importNfvoFunction } from './nfvo-function.importer';
import { importNfvoService } from './nfvo-service.importer';
import type { ParsedText } from './parse-descriptor-text';
import { importPishahangV1Cosd } from './pishahang-v1-cosd.importer';
import { importPishahangV1Csd } from './pishahang-v1-csd.importer';
import { importPishahangV2Function } from './pishahang-v2-function.importer';
import { importPishahangV2Service } from './pishahang-v2-service.importer';
import { isRecord } from './read-context';
import { importSonataFunction } from './sonata-function.importer';
import { importSonataService } from './sonata-service.importer';
import { syntaxFinding } from './syntax-codes';
import { importTangoFunction } from './tango-function.importer';
import { importTangoService } from './tango-service.importer';

export interface ImportResult {
  descriptor?: Descriptor;
  /** What the document was recognised as, even when importing it failed. */
  detected?: FormatDetection;
  findings: Finding[];
}

const IMPORTERS: Readonly<Record<SourceFormat, Record<FormatDetection['kind'], Importer>>> = {
  nfvo: { service: importNfvoService, function: importNfvoFunction },
  sonata: { service: importSonataService, function: importSonataFunction },
  '5gtango': { service: importTangoService, function: importTangoFunction },
  'pishahang-v1': { service: importPishahangV1Cosd, function: importPishahangV1Csd },
  'pishahang-v2': { service: importPishahangV2Service, function: importPishahangV2Function },
};

// A thoroughly broken file would list every field; the first findings are the ones to fix.
const MAX_FINDINGS = 200;

function finish(parsed: ParsedText, findings: Finding[], rest: Omit<ImportResult, 'findings'> = {}): ImportResult {
  const located = findings.map((f) => (f.line === undefined ? { ...f, ...parsed.locate(f.pointer) } : f));
  if (located.length <= MAX_FINDINGS) return { ...rest, findings: located };
  const more = syntaxFinding('syntax.too-many-findings', parsed.file, '', `${located.length - MAX_FINDINGS} more findings are not listed; fix these and validate again`);
  return { ...rest, findings: [...located.slice(0, MAX_FINDINGS), more] };
}

/**
 * Recognises the format of a parsed descriptor and translates it into the joint model. Returns
 * data, never throws: every problem is a finding with file, pointer, line and column.
 */
export function importDescriptor(parsed: ParsedText): ImportResult {
  const findings = [...parsed.findings];
  const doc = parsed.doc;
  if (doc === undefined) return finish(parsed, findings);
  if (!isRecord(doc)) return finish(parsed, [...findings, syntaxFinding('syntax.type', parsed.file, '', explainUnknownFormat(doc))]);
  const detected = detectFormat(doc);
  if (!detected) return finish(parsed, [...findings, syntaxFinding('syntax.unknown-format', parsed.file, '', explainUnknownFormat(doc))]);
  const ctx = { file: parsed.file, findings };
  try {
    const descriptor = IMPORTERS[detected.format][detected.kind](ctx, { value: doc, ptr: '' });
    return finish(parsed, findings, { descriptor, detected });
  } catch (error) {
    // A bug here must not take onboarding down with it; the fuzz tests make sure it never happens.
    const why = error instanceof Error ? error.message : String(error);
    findings.push(syntaxFinding('internal.import-failure', parsed.file, '', `Importing this ${detected.format} ${detected.kind} failed (${why}); this is a bug in the orchestrator, not in the descriptor: please report it with the file`));
    return finish(parsed, findings, { detected });
  }
}
