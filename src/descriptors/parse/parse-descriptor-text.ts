import { isScalar, type Document } from 'yaml';
import type { Finding } from '../model';
import { parseBoundedYaml } from './bounded-yaml-parse';
import { syntaxFinding } from './syntax-codes';
import { positionOf } from './text-position';
import { fastYamlData } from './fast-yaml-data';
import { resolveLimits, type TextLimits } from './text-limits';
import { yamlProblemFindings } from './yaml-error-findings';
import { offsetOfPointer } from './yaml-locate';
import { toDescriptorData } from './yaml-to-data';

export interface ParsedText {
  file: string;
  /** The document as data; undefined when the text is not one well-formed, bounded document. */
  doc: unknown | undefined;
  findings: Finding[];
  /** 1-based line and column of a JSON pointer (nearest existing ancestor for a missing member). */
  locate(pointer: string): { line: number; column: number } | undefined;
}

const isEmpty = (d: Document.Parsed): boolean => d.contents === null || (isScalar(d.contents) && d.contents.value === null);
const MiB = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MiB`;

/**
 * Parses one descriptor file (YAML 1.2; JSON is YAML too) into data, with every problem as a
 * finding that carries line and column. Never throws: hostile text (alias bombs, deep nesting,
 * huge scalars, oversized files) is refused within bounded time and memory.
 */
export function parseDescriptorText(file: string, text: string, limits?: Partial<TextLimits>): ParsedText {
  const lim = resolveLimits(limits);
  const fail = (f: Finding, locate: ParsedText['locate'] = () => undefined): ParsedText => ({ file, doc: undefined, findings: [f], locate });
  if (typeof text !== 'string') return fail(syntaxFinding('syntax.type', file, '', 'The descriptor content is not text; upload the YAML or JSON file itself'));
  const bytes = Buffer.byteLength(text);
  if (bytes > lim.maxTextBytes) return fail(syntaxFinding('syntax.too-large', file, '', `The file is ${MiB(bytes)}, above the ${MiB(lim.maxTextBytes)} limit for a descriptor; split it or remove embedded data`, { line: 1, column: 1 }));
  const fast = fastYamlData(text, lim);
  if (fast !== undefined) {
    // Lines and columns come from the yaml way, read only when a finding asks for one.
    let slow: ParsedText | undefined;
    return { file, doc: fast, findings: [], locate: (pointer) => (slow ??= parseWithYaml(file, text, lim)).locate(pointer) };
  }
  return parseWithYaml(file, text, lim);
}

/** The bounded yaml way: every problem a finding with line and column. */
function parseWithYaml(file: string, text: string, lim: TextLimits): ParsedText {
  const fail = (f: Finding, locate: ParsedText['locate'] = () => undefined): ParsedText => ({ file, doc: undefined, findings: [f], locate });
  // Past twice the limit parsing stops; up to there the exact check below names the pointer.
  // Line and column come from the LineCounter (what prettyErrors would add to messages).
  const { docs: all, lines, tooDeepAt } = parseBoundedYaml(text, lim.maxDepth * 2, { uniqueKeys: true, merge: false, version: '1.2' });
  if (tooDeepAt !== undefined) return fail(syntaxFinding('syntax.too-deep', file, '', `Collections nest more than ${lim.maxDepth} levels deep here; a descriptor never needs that, flatten the structure`, positionOf(text, tooDeepAt)));
  const chosen = all.find((d) => !isEmpty(d)) ?? all[0];
  const root = chosen?.contents ?? null;
  const locate = (pointer: string): { line: number; column: number } | undefined => {
    const offset = offsetOfPointer(root, pointer);
    const at = offset === undefined ? undefined : lines.linePos(offset);
    return at && at.line > 0 ? { line: at.line, column: at.col } : undefined;
  };
  const findings = all.flatMap((d) => yamlProblemFindings(file, d.contents, lines, [...d.errors, ...d.warnings]));
  const result = (doc: unknown, extra: Finding[] = []): ParsedText => ({ file, doc, findings: [...findings, ...extra], locate });
  if (findings.some((f) => f.severity === 'error')) return result(undefined);

  const nonEmpty = all.filter((d) => !isEmpty(d));
  if (nonEmpty.length === 0) return result(undefined, [syntaxFinding('syntax.empty-document', file, '', 'The file holds no descriptor (it is empty, only comments, or null); write the descriptor as a YAML mapping', { line: 1, column: 1 })]);
  if (nonEmpty.length > 1) {
    const second = lines.linePos(nonEmpty[1].range[0]);
    return result(undefined, [syntaxFinding('syntax.multiple-documents', file, '', `The file holds ${nonEmpty.length} YAML documents (separated by '---'); put each descriptor in its own file`, { line: second.line, column: second.col })]);
  }
  const data = toDescriptorData(file, chosen, lim);
  return result(data.doc, data.findings.map((f) => (f.line === undefined ? { ...f, ...locate(f.pointer) } : f)));
}
