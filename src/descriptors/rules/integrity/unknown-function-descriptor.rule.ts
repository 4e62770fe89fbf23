import { defineRule } from '../rule';
import { keyText, listOf } from '../describe';

/**
 * A service's function names its descriptor by vendor, name and version (SONATA vnf_vendor/
 * vnf_name/vnf_version). The descriptor must be in the same package or already onboarded, else
 * nothing can be deployed for it. CP references into such a function are not checked further.
 */
export const unknownFunctionDescriptorRule = defineRule(
  {
    code: 'integrity.unknown-function-descriptor',
    level: 'integrity',
    severity: 'error',
    summary: 'A function of the service names a vendor/name/version that is neither in the package nor onboarded.',
  },
  (set, ctx, report) => {
    for (const fn of set.service?.functions ?? []) {
      if (ctx.descriptorOf(fn)) continue;
      const { vendor, name } = fn.descriptor;
      const versions = ctx.versionsOf(vendor, name);
      const fix = versions.length > 0
        ? `versions available for ${vendor}:${name} are ${listOf(versions)}; set the version to one of those`
        : 'add that function descriptor to the package, or onboard its VNF package first';
      report(fn.source, `function '${fn.id}' uses descriptor ${keyText(fn.descriptor)}, which is neither in this package nor onboarded; ${fix}`);
    }
  },
);
