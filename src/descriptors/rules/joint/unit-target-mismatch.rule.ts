import { keyText } from '../describe';
import { defineRule } from '../rule';

/**
 * A function is deployed to one kind of VIM: VM units boot on OpenStack (Nova), container units run
 * on Kubernetes (through the Terraform stack). A unit of the other kind cannot be placed at all, as
 * in 5GTANGO's hybrid VNF example (VM and cloud-native units in one function).
 */
export const unitTargetMismatchRule = defineRule(
  { code: 'joint.unit-target-mismatch', level: 'joint', severity: 'error', summary: 'A VM unit in a function targeting kubernetes, or a container unit in one targeting openstack.' },
  (set, _ctx, report) => {
    for (const fd of set.functions) {
      const wanted = fd.target === 'kubernetes' ? 'container' : 'vm';
      for (const unit of fd.units) {
        if (unit.kind === wanted) continue;
        report(unit.source, `${unit.kind === 'vm' ? 'VM' : 'container'} unit '${unit.id}' of ${keyText(fd.key)} cannot run on the function's target ${fd.target}, which runs only ${wanted} units; split the function into a VM function and a container function, or change the unit`);
      }
    }
  },
);
