import type { Finding } from '../model';

/**
 * Every code the parser and the importers report, each with one fixed severity (as the validator's
 * rules do), so a client can tell how bad a finding is from its code alone. Documented for users in
 * descriptors/examples/README.md.
 */
export const SYNTAX_CODES = {
  'syntax.too-large': { severity: 'error', summary: 'The file is larger than the descriptor size limit.' },
  'syntax.yaml': { severity: 'error', summary: 'The text is not well-formed YAML (or JSON).' },
  'syntax.yaml-warning': { severity: 'warning', summary: 'YAML the parser accepted with a warning (e.g. an unknown tag read as a string).' },
  'syntax.duplicate-key': { severity: 'error', summary: 'A mapping has the same key twice.' },
  'syntax.alias-bomb': { severity: 'error', summary: 'YAML aliases expand too much (billion laughs).' },
  'syntax.too-deep': { severity: 'error', summary: 'Collections nest deeper than the limit.' },
  'syntax.scalar-too-large': { severity: 'error', summary: 'One value is longer than the scalar limit.' },
  'syntax.multiple-documents': { severity: 'error', summary: 'The file holds more than one YAML document.' },
  'syntax.empty-document': { severity: 'error', summary: 'The file holds no document.' },
  'syntax.unknown-format': { severity: 'error', summary: 'The document is none of the descriptor formats understood.' },
  'syntax.type': { severity: 'error', summary: 'A value has the wrong type.' },
  'syntax.required': { severity: 'error', summary: 'A required field is missing.' },
  'syntax.enum': { severity: 'error', summary: 'A value is not one of the allowed values.' },
  'syntax.pattern': { severity: 'error', summary: 'A string does not have the required form.' },
  'syntax.range': { severity: 'error', summary: 'A number or list size is out of range.' },
  'syntax.schema': { severity: 'error', summary: 'Any other violation of the nfvo format JSON Schema.' },
  'syntax.unknown-field': { severity: 'error', summary: 'A field the format does not define where it allows no others.' },
  'syntax.ignored-field': { severity: 'warning', summary: 'A field this orchestrator does not use; it has no effect.' },
  'syntax.unsupported-target': { severity: 'error', summary: 'A function targets a platform this orchestrator cannot deploy to.' },
  'syntax.unsupported-feature': { severity: 'error', summary: 'A construct of the source format this orchestrator cannot deploy.' },
  'syntax.too-many-findings': { severity: 'warning', summary: 'More findings than reported; fix these and re-validate.' },
  'internal.import-failure': { severity: 'error', summary: 'The importer failed: a bug in the orchestrator, not in the descriptor.' },
} as const satisfies Record<string, { severity: Finding['severity']; summary: string }>;

export type SyntaxCode = keyof typeof SYNTAX_CODES;

/** A finding of the syntax level; its severity follows from the code. */
export const syntaxFinding = (code: SyntaxCode, file: string, pointer: string, message: string, at?: { line: number; column: number }): Finding => ({
  code,
  severity: SYNTAX_CODES[code].severity,
  level: 'syntax',
  file,
  pointer,
  ...(at ? { line: at.line, column: at.column } : {}),
  message,
});
