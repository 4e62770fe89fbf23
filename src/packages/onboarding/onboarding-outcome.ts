import type { Finding, FunctionDescriptor, ServiceDescriptor, ValidationReport } from '../../descriptors/model';
import type { StoredFunction } from '../ports/descriptor-store.port';
import type { ReadPackage } from '../ports/package-reader.port';

/** What an onboarding attempt concluded, before anything is written. */
export type OnboardingOutcome =
  | { ok: false; report: ValidationReport }
  | {
      ok: true;
      report: ValidationReport;
      pkg: ReadPackage;
      service?: ServiceDescriptor;
      /** Functions carried by the package that become (or are) VNF packages. */
      newFunctions: FunctionDescriptor[];
      /** Functions the service uses that were onboarded before, with their package ids. */
      existing: StoredFunction[];
    };

/** A finding about the package as a whole (not tied to a place inside a descriptor). */
export const packageFinding = (code: string, message: string, file = '', severity: Finding['severity'] = 'error'): Finding => ({
  code,
  severity,
  level: 'syntax',
  file,
  pointer: '',
  message,
});
