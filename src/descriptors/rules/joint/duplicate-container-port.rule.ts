import { keyText } from '../describe';
import { defineRule } from '../rule';

/**
 * A unit's ports become one Kubernetes Service (and container port list): the API server rejects
 * two ports with the same number and protocol, or the same name, so catch it at onboarding rather
 * than halfway through an instantiation.
 */
export const duplicateContainerPortRule = defineRule(
  { code: 'joint.duplicate-container-port', level: 'joint', severity: 'error', summary: 'A container unit declares the same port number and protocol, or the same port name, twice.' },
  (set, _ctx, report) => {
    for (const fd of set.functions) {
      for (const unit of fd.units) {
        if (unit.kind !== 'container') continue;
        const numbers = new Set<string>();
        const names = new Set<string>();
        const where = `container unit '${unit.id}' of ${keyText(fd.key)}`;
        for (const p of unit.ports) {
          const number = `${p.port}/${p.protocol}`;
          if (numbers.has(number)) report(unit.source, `${where} declares port ${number} twice; keep one, or give the second another port number`);
          if (p.name !== undefined && names.has(p.name)) report(unit.source, `${where} declares two ports named '${p.name}'; port names must be unique within a unit, so rename one`);
          numbers.add(number);
          if (p.name !== undefined) names.add(p.name);
        }
      }
    }
  },
);
