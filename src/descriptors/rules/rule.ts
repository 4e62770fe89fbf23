import type { DescriptorSet, Finding, SourceRef } from '../model';
import type { DescriptorIndex } from '../validate/descriptor-index';

export type RuleLevel = 'integrity' | 'topology' | 'joint';
export type Severity = Finding['severity'];

/** Lookups shared by every rule of one run (built once, see validate/descriptor-index.ts). */
export type RuleContext = DescriptorIndex;

/**
 * One check. Each rule owns exactly one stable code with a fixed severity, so a code alone tells a
 * client how bad a finding is; `summary` feeds the code table in README.md.
 */
export interface Rule {
  id: string;
  level: RuleLevel;
  codes: readonly string[];
  severity: Severity;
  summary: string;
  check(set: DescriptorSet, ctx: RuleContext): Finding[];
}

/** Reports one finding at a model element; line and column are filled in by the caller. */
export type Report = (at: SourceRef, message: string) => void;

export interface RuleSpec {
  code: string;
  level: RuleLevel;
  severity: Severity;
  summary: string;
}

/** Builds a rule from its code and a check that only has to say where and what. */
export function defineRule(spec: RuleSpec, check: (set: DescriptorSet, ctx: RuleContext, report: Report) => void): Rule {
  return {
    id: spec.code,
    level: spec.level,
    codes: [spec.code],
    severity: spec.severity,
    summary: spec.summary,
    check(set, ctx) {
      const findings: Finding[] = [];
      check(set, ctx, (at, message) => {
        findings.push({ code: spec.code, severity: spec.severity, level: spec.level, file: at.file, pointer: at.pointer, message });
      });
      return findings;
    },
  };
}
