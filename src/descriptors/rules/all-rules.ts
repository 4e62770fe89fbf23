import type { Rule } from './rule';
import { duplicateIdRule } from './integrity/duplicate-id.rule';
import { missingImageRule } from './integrity/missing-image.rule';
import { referenceByNameRule } from './integrity/reference-by-name.rule';
import { unknownConnectionPointRule } from './integrity/unknown-connection-point.rule';
import { unknownFunctionDescriptorRule } from './integrity/unknown-function-descriptor.rule';
import { unknownFunctionRule } from './integrity/unknown-function.rule';
import { unknownMonitoringSourceRule } from './integrity/unknown-monitoring-source.rule';
import { unknownVirtualLinkRule } from './integrity/unknown-virtual-link.rule';
import { connectivityEndpointRule } from './joint/connectivity-endpoint.rule';
import { containerHopNeedsPortRule } from './joint/container-hop-needs-port.rule';
import { duplicateContainerPortRule } from './joint/duplicate-container-port.rule';
import { placementRule } from './joint/placement.rule';
import { startupCycleRule } from './joint/startup-cycle.rule';
import { unitTargetMismatchRule } from './joint/unit-target-mismatch.rule';
import { unknownDependencyTargetRule } from './joint/unknown-dependency-target.rule';
import { disconnectedRule } from './topology/disconnected.rule';
import { duplicatePositionRule } from './topology/duplicate-position.rule';
import { eLineEndpointsRule } from './topology/e-line-endpoints.rule';
import { hopInsideFunctionRule } from './topology/hop-inside-function.rule';
import { pathCycleRule } from './topology/path-cycle.rule';
import { pathNotOnVirtualLinkRule } from './topology/path-not-on-virtual-link.rule';
import { positionGapRule } from './topology/position-gap.rule';
import { unusedVirtualLinkRule } from './topology/unused-virtual-link.rule';

/** Every rule, in SONATA's level order (integrity, topology) followed by the joint rules. */
export const ALL_RULES: readonly Rule[] = [
  unknownFunctionDescriptorRule, duplicateIdRule, unknownConnectionPointRule, unknownVirtualLinkRule,
  unknownFunctionRule, unknownMonitoringSourceRule, missingImageRule, referenceByNameRule,
  disconnectedRule, pathNotOnVirtualLinkRule, hopInsideFunctionRule, duplicatePositionRule,
  positionGapRule, pathCycleRule, unusedVirtualLinkRule, eLineEndpointsRule,
  unknownDependencyTargetRule, startupCycleRule, duplicateContainerPortRule, containerHopNeedsPortRule,
  unitTargetMismatchRule, connectivityEndpointRule, placementRule,
];

/** Reported by the validator itself when a rule throws (a bug in the rule, never the user's). */
export const RULE_FAILURE_CODE = 'internal.rule-failure';

/** Every code a validation run can report; stable, documented in README.md. */
export const FINDING_CODES: readonly string[] = [...ALL_RULES.flatMap((r) => r.codes), RULE_FAILURE_CODE];
