import { NfvoError } from '../../shared/nfvo-error';

/**
 * SOL005 cl. 5.4.5.3.3 / 9.4.5.3.3: content may be given only while CREATED (409 otherwise). The detail
 * says what to do, since a resource whose onboarding failed cannot take content again.
 */
export function contentConflict(noun: string, state: string): NfvoError {
  const why =
    state === 'ERROR'
      ? `its onboarding failed (see onboardingFailureDetails). SOL005 allows content only once per resource: create a new ${noun} resource and upload the corrected package there.`
      : state === 'ONBOARDED'
        ? 'it is already onboarded.'
        : `content is already being ${state === 'UPLOADING' ? 'uploaded' : 'processed'}.`;
  return new NfvoError('CONFLICT', `Content can be uploaded only to a ${noun} in state CREATED; this one is ${state}: ${why}`);
}
