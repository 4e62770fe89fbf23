/** Public API of descriptor validation: run it, and the stable codes it can report. */
export { validateDescriptors, ALL_RULES, FINDING_CODES } from './validate-descriptors';
export type { ValidateOptions } from './validate-descriptors';
export { RULE_FAILURE_CODE } from '../rules/all-rules';
export type { Rule, RuleContext, RuleLevel } from '../rules/rule';
export type { DescriptorIndex } from './descriptor-index';
