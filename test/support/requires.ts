/**
 * A suite that needs something the machine may lack (a real OpenStack, reference data, a binary).
 * Where `why` names what is missing, jest reports the suite as SKIPPED with the reason in its name,
 * never as passed; with NFVO_REQUIRE_SYSTEM_TESTS=1 (CI) it fails instead, saying what is missing.
 */
export function describeIf(why: string | undefined, name: string, fn: () => void): void {
  if (!why) return describe(name, fn);
  if (process.env.NFVO_REQUIRE_SYSTEM_TESTS === '1') {
    return describe(name, () => it(`has what it needs (NFVO_REQUIRE_SYSTEM_TESTS=1)`, () => { throw new Error(`missing: ${why}`); }));
  }
  console.log(`skipped: ${name}: ${why}`);
  describe.skip(`${name} (skipped: ${why})`, fn);
}
