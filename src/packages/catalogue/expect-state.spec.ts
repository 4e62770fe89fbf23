import { StaleAttempt, expectState } from './expect-state';

describe('expectState', () => {
  const doc = { nsdOnboardingState: 'CREATED' };

  it('passes when the resource is still in a state the attempt left it in', () => {
    expect(() => expectState(doc, 'nsdOnboardingState', ['CREATED', 'UPLOADING'], 'NSD')).not.toThrow();
  });

  it('refuses a stale attempt with a CONFLICT naming both states', () => {
    let caught: unknown;
    try { expectState(doc, 'nsdOnboardingState', ['PROCESSING'], 'NSD'); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(StaleAttempt);
    expect((caught as StaleAttempt).code).toBe('CONFLICT');
    expect((caught as StaleAttempt).detail).toMatch(/NSD is CREATED, no longer PROCESSING/);
  });
});
