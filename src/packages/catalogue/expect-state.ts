import { NfvoError } from '../../shared/nfvo-error';
import { stateOf } from './catalogue-item';

/**
 * An upload, download or onboarding attempt may outlive its claim on the resource (NFVO_UPLOAD_STALE_SECONDS
 * gives an abandoned upload back to CREATED, and a new one may start). Every state write of an attempt
 * therefore re-checks, under the row lock, that the resource is still in the state the attempt left it in.
 */
export class StaleAttempt extends NfvoError {
  constructor(noun: string, expected: readonly string[], found: string) {
    super('CONFLICT', `The ${noun} is ${found}, no longer ${expected.join(' or ')}: this attempt was abandoned and changes nothing.`);
  }
}

export function expectState<T>(doc: T, key: keyof T, expected: readonly string[], noun: string): void {
  const found = stateOf(doc, key);
  if (!expected.includes(found)) throw new StaleAttempt(noun, expected, found);
}
