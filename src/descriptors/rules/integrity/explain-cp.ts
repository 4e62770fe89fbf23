import type { FunctionDescriptor } from '../../model';
import type { CpResolution } from '../../validate/cp-resolution';
import type { RuleContext } from '../rule';
import { functionText, keyText, listOf } from '../describe';

/**
 * Why a service-level reference (`cp` or `fn:cp`) does not resolve, phrased as what to change; or
 * undefined when it resolves or when another rule already owns the problem (missing descriptor).
 */
export function explainServiceCp(where: string, ref: string, r: CpResolution, ctx: RuleContext): string | undefined {
  switch (r.kind) {
    case 'unknown-service-cp': {
      const ids = ctx.serviceCpIds();
      const have = ids.length ? `the service's own connection points are ${listOf(ids)}; use one of those, ` : 'the service declares no connection points; ';
      return `${where} references connection point '${ref}', but ${have}declare '${ref}' as a service connection point, or write 'functionId:${ref}' for a function's`;
    }
    case 'unknown-function':
      return `${where} references '${ref}', but the service has no function '${r.fnPart}' (functions: ${listOf(ctx.functionIds())}); use one of those ids`;
    case 'unknown-function-cp': {
      const ids = ctx.wiring(r.descriptor).cpIds;
      if (ids.size === 0) return `${where} references '${ref}', but ${functionText(r.fn)} declares no connection points; declare '${r.cpPart}' in that function descriptor`;
      return `${where} references '${ref}', but ${functionText(r.fn)} has connection points ${listOf(ids)}; use one of those`;
    }
    default:
      return undefined;
  }
}

/** Same for a reference inside a function descriptor: `unit:cp` or the function's own `cp`. */
export function explainUnitCp(where: string, ref: string, fd: FunctionDescriptor, ctx: RuleContext): string | undefined {
  const w = ctx.wiring(fd);
  if (w.cpIds.has(ref)) return undefined;
  const colon = ref.indexOf(':');
  if (colon < 0) return `${where} of ${keyText(fd.key)} references '${ref}', but the function's connection points are ${listOf(w.cpIds)}; use one of those, or write 'unitId:cp' for a unit's`;
  const unitId = ref.slice(0, colon);
  const cpId = ref.slice(colon + 1);
  const unit = w.units.get(unitId);
  if (!unit) return `${where} of ${keyText(fd.key)} references '${ref}', but the function has no unit '${unitId}' (units: ${listOf(w.units.keys())}); use one of those ids`;
  if (unit.connectionPoints.some((cp) => cp.id === cpId)) return undefined;
  return `${where} of ${keyText(fd.key)} references '${ref}', but unit '${unitId}' has connection points ${listOf(unit.connectionPoints.map((cp) => cp.id))}; use one of those`;
}
