import type { DescriptorSet, Finding, FunctionDescriptor, ValidationReport } from '../model';
import { reportOf } from '../model';
import { ALL_RULES, FINDING_CODES, RULE_FAILURE_CODE } from '../rules/all-rules';
import type { Rule } from '../rules/rule';
import { buildDescriptorIndex } from './descriptor-index';
import type { DescriptorIndex } from './descriptor-index';
import { compareFindings } from './finding-order';

export { ALL_RULES, FINDING_CODES };

export interface ValidateOptions {
  /** Function descriptors already onboarded, to resolve the service's references against. */
  extraFunctions?: readonly FunctionDescriptor[];
  /** Every file path in the package, when known, so `file://` images can be checked. */
  packageFiles?: readonly string[];
  /** The rules to run (default ALL_RULES); a seam for tests and for partial checks. */
  rules?: readonly Rule[];
}

const failure = (rule: Pick<Rule, 'id' | 'level'>, set: DescriptorSet, error: unknown): Finding => ({
  code: RULE_FAILURE_CODE,
  severity: 'error',
  level: rule.level,
  // Optional chains all the way: this must not throw even when the set itself is malformed.
  file: set?.service?.source?.file ?? set?.functions?.[0]?.source?.file ?? '',
  pointer: '',
  message: `validation rule '${rule.id}' failed (${error instanceof Error ? error.message : String(error)}); this is a bug in the validator, not in the descriptor: please report it with this package`,
});

/**
 * Runs every integrity, topology and joint rule over one package's descriptors and returns the
 * report: data, never an exception for a user's mistake. A rule that throws becomes an
 * `internal.rule-failure` finding and the other rules still run. Findings come sorted by file,
 * pointer, code (then message), identical ones once; line and column are the caller's to fill in.
 */
export function validateDescriptors(set: DescriptorSet, opts: ValidateOptions = {}): ValidationReport {
  let index: DescriptorIndex;
  try {
    index = buildDescriptorIndex(set, opts);
  } catch (error) {
    return reportOf([failure({ id: 'descriptor-index', level: 'integrity' }, set, error)]);
  }
  const findings: Finding[] = [];
  for (const rule of opts.rules ?? ALL_RULES) {
    try {
      findings.push(...rule.check(set, index));
    } catch (error) {
      findings.push(failure(rule, set, error));
    }
  }
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.file}\u0000${f.pointer}\u0000${f.code}\u0000${f.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return reportOf(unique.sort(compareFindings));
}
