/**
 * One validation result. Codes are stable (documented in descriptors/README.md), so tools and tests
 * can rely on them; `message` says what to change.
 */
export interface Finding {
  code: string;
  severity: 'error' | 'warning';
  level: 'syntax' | 'integrity' | 'topology' | 'joint';
  file: string;
  /** RFC 6901 pointer into the file's document. */
  pointer: string;
  /** 1-based, when the file is YAML/JSON text we parsed. */
  line?: number;
  column?: number;
  message: string;
}

/** A validator run returns a report; it never throws for a user's mistake. */
export interface ValidationReport {
  valid: boolean;
  findings: Finding[];
  counts: { errors: number; warnings: number };
}

export function reportOf(findings: Finding[]): ValidationReport {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { valid: errors === 0, findings, counts: { errors, warnings: findings.length - errors } };
}
