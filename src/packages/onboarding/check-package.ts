import { keyToString, reportOf, type Finding, type FunctionDescriptor, type ServiceDescriptor } from '../../descriptors/model';
import { validateDescriptors } from '../../descriptors/validate';
import type { DescriptorStore } from '../ports/descriptor-store.port';
import type { OwnerType } from '../ports/package-file-store.port';
import type { ReadPackage } from '../ports/package-reader.port';
import { type OnboardingOutcome, packageFinding } from './onboarding-outcome';

/**
 * Decides whether a read package can be onboarded: the right descriptors for the resource (one NSD, or
 * one VNFD), keys not taken by another resource, every function the NSD uses available (in the package
 * or onboarded before), and the whole set valid. Returns every problem found, not only the first.
 */
export async function checkPackage(owner: OwnerType, ownerId: string, pkg: ReadPackage, store: DescriptorStore): Promise<OnboardingOutcome> {
  const findings: Finding[] = [...pkg.problems, ...pkg.descriptors.flatMap((d) => d.findings)];
  const parsed = pkg.descriptors.flatMap((d) => (d.descriptor ? [d.descriptor] : []));
  const services = parsed.filter((d): d is ServiceDescriptor => d.kind === 'service');
  const functions = parsed.filter((d): d is FunctionDescriptor => d.kind === 'function');
  const service = services[0];

  if (owner === 'nsd' && services.length !== 1 && !findings.some((f) => f.severity === 'error')) {
    findings.push(packageFinding('package.service-count', `An NSD package must carry exactly one service descriptor; this one has ${services.length}.`));
  }
  if (owner === 'vnf_pkg' && (services.length > 0 || functions.length !== 1) && !findings.some((f) => f.severity === 'error')) {
    findings.push(packageFinding('package.function-count', `A VNF package must carry exactly one function descriptor and no service; this one has ${functions.length} function(s) and ${services.length} service(s).`));
  }

  if (service) {
    for (const t of await store.takenKeys('service', [service.key])) {
      if (t.ownerId !== ownerId) findings.push(packageFinding('package.already-onboarded', `The service ${keyToString(service.key)} is already onboarded as NSD ${t.ownerId}; raise its version to onboard a new one.`, service.source.file));
    }
  }
  const takenFunctions = await store.takenKeys('function', functions.map((f) => f.key));
  if (owner === 'vnf_pkg') {
    for (const t of takenFunctions) {
      if (t.ownerId !== ownerId) findings.push(packageFinding('package.already-onboarded', `The function ${keyToString(t)} is already onboarded as VNF package ${t.ownerId}; raise its version to onboard a new one.`));
    }
  }
  // In an NSD package, a function onboarded before is reused rather than duplicated.
  const reusedKeys = new Set(owner === 'nsd' ? takenFunctions.map((t) => keyToString(t)) : []);
  const newFunctions = functions.filter((f) => !reusedKeys.has(keyToString(f.key)));
  const inPackage = new Set(newFunctions.map((f) => keyToString(f.key)));
  const wanted = (service?.functions ?? []).map((r) => r.descriptor).filter((k) => !inPackage.has(keyToString(k)));
  const existing = await store.onboardedFunctions(wanted);

  const report = validateDescriptors(
    { service, functions: newFunctions },
    { extraFunctions: existing.map((e) => e.descriptor), packageFiles: pkg.files.map((f) => f.path) },
  );
  const all = reportOf(locate([...findings, ...report.findings], pkg));
  if (!all.valid) return { ok: false, report: all };
  return { ok: true, report: all, pkg, service, newFunctions, existing };
}

/** Fills line and column of findings raised after parsing, from the file they point into. */
function locate(findings: Finding[], pkg: ReadPackage): Finding[] {
  const byFile = new Map(pkg.descriptors.map((d) => [d.file, d]));
  return findings.map((f) => {
    if (f.line !== undefined) return f;
    const pos = byFile.get(f.file)?.locate(f.pointer);
    return pos ? { ...f, line: pos.line, column: pos.column } : f;
  });
}
